package org.codeshare.snapshots.boundary;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.codeshare.snapshots.control.History;

/** A room's text as a file download named after the room's title and language. */
final class Downloads {

  private Downloads() {}

  static Response of(History.Content content, boolean withVersion) {
    var room = content.room().room();
    var base = room.title().replaceAll("[^A-Za-z0-9._ -]+", "_").strip();
    if (base.isEmpty() || base.chars().allMatch(c -> c == '_' || c == '.')) {
      base = room.slug();
    }
    var name =
        base + (withVersion ? "-v" + content.version() : "") + "." + room.language().extension();
    var encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(content.text(), "text/plain; charset=utf-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + encoded)
        .header("X-Document-Version", content.version())
        .build();
  }
}
