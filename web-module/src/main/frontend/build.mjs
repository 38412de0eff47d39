// Builds the browser app into the web module's static resources (target/frontend by default):
// index.html plus content-hashed, minified ES modules and CSS. No CDN, no inline script or style,
// so the app works offline from the intranet under the strict Content-Security-Policy.
import * as esbuild from "esbuild";
import { mkdir, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, process.argv[2] ?? "../../../target/frontend");
const assets = path.join(outdir, "assets");

await rm(assets, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

const result = await esbuild.build({
  entryPoints: { app: path.join(here, "src/main.js"), style: path.join(here, "src/style.css") },
  bundle: true,
  splitting: true,
  format: "esm",
  target: ["chrome105", "firefox110", "safari16"],
  minify: true,
  sourcemap: "linked",
  outdir: assets,
  entryNames: "[name]-[hash]",
  chunkNames: "chunk-[hash]",
  metafile: true,
  legalComments: "linked",
  logLevel: "warning",
});

const outputs = Object.entries(result.metafile.outputs);
const asset = (prefix, suffix) => {
  const found = outputs.find(([file]) => path.basename(file).startsWith(prefix) && file.endsWith(suffix));
  if (!found) throw new Error(`no output ${prefix}*${suffix}`);
  return "/assets/" + path.basename(found[0]);
};

const template = await readFile(path.join(here, "public/index.html"), "utf8");
const html = template
  .replace("%APP_JS%", asset("app-", ".js"))
  .replace("%APP_CSS%", asset("style-", ".css"));
await writeFile(path.join(outdir, "index.html"), html);
await copyFile(path.join(here, "public/favicon.svg"), path.join(outdir, "favicon.svg"));

const bytes = outputs.reduce((sum, [, meta]) => sum + meta.bytes, 0);
console.log(`built ${outputs.length} files (${Math.round(bytes / 1024)} KiB) into ${outdir}`);
