// Language modes, loaded on demand (each is its own chunk), keyed by the server's language ids.
import { StreamLanguage } from "@codemirror/language";

const legacy = async (load) => StreamLanguage.define(await load());

export const LANGUAGES = [
  { id: "plaintext", label: "Plain text", ext: "txt", load: async () => [] },
  { id: "javascript", label: "JavaScript", ext: "js",
    load: async () => (await import("@codemirror/lang-javascript")).javascript({ jsx: true }) },
  { id: "typescript", label: "TypeScript", ext: "ts",
    load: async () => (await import("@codemirror/lang-javascript")).javascript({ typescript: true, jsx: true }) },
  { id: "python", label: "Python", ext: "py", load: async () => (await import("@codemirror/lang-python")).python() },
  { id: "java", label: "Java", ext: "java", load: async () => (await import("@codemirror/lang-java")).java() },
  { id: "c", label: "C", ext: "c", load: async () => (await import("@codemirror/lang-cpp")).cpp() },
  { id: "cpp", label: "C++", ext: "cpp", load: async () => (await import("@codemirror/lang-cpp")).cpp() },
  { id: "csharp", label: "C#", ext: "cs",
    load: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/clike")).csharp) },
  { id: "go", label: "Go", ext: "go", load: async () => (await import("@codemirror/lang-go")).go() },
  { id: "rust", label: "Rust", ext: "rs", load: async () => (await import("@codemirror/lang-rust")).rust() },
  { id: "php", label: "PHP", ext: "php", load: async () => (await import("@codemirror/lang-php")).php() },
  { id: "ruby", label: "Ruby", ext: "rb",
    load: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/ruby")).ruby) },
  { id: "sql", label: "SQL", ext: "sql", load: async () => (await import("@codemirror/lang-sql")).sql() },
  { id: "html", label: "HTML", ext: "html", load: async () => (await import("@codemirror/lang-html")).html() },
  { id: "css", label: "CSS", ext: "css", load: async () => (await import("@codemirror/lang-css")).css() },
  { id: "json", label: "JSON", ext: "json", load: async () => (await import("@codemirror/lang-json")).json() },
  { id: "yaml", label: "YAML", ext: "yaml", load: async () => (await import("@codemirror/lang-yaml")).yaml() },
  { id: "markdown", label: "Markdown", ext: "md",
    load: async () => (await import("@codemirror/lang-markdown")).markdown() },
  { id: "shell", label: "Shell", ext: "sh",
    load: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/shell")).shell) },
];

export function languageById(id) {
  return LANGUAGES.find((l) => l.id === id) ?? LANGUAGES[0];
}

const loaded = new Map();

/** The CodeMirror extension for a language id; plain text if it cannot be loaded. */
export function loadLanguage(id) {
  const language = languageById(id);
  if (!loaded.has(language.id)) {
    loaded.set(language.id, language.load().catch(() => []));
  }
  return loaded.get(language.id);
}
