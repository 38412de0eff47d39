package org.codeshare.rooms.entity;

import java.util.Arrays;
import java.util.Optional;

/** The languages a room can be set to; the id is what the API and the editor use. */
public enum Language {
  PLAINTEXT("plaintext", "txt"),
  JAVASCRIPT("javascript", "js"),
  TYPESCRIPT("typescript", "ts"),
  PYTHON("python", "py"),
  JAVA("java", "java"),
  C("c", "c"),
  CPP("cpp", "cpp"),
  CSHARP("csharp", "cs"),
  GO("go", "go"),
  RUST("rust", "rs"),
  PHP("php", "php"),
  RUBY("ruby", "rb"),
  SQL("sql", "sql"),
  HTML("html", "html"),
  CSS("css", "css"),
  JSON("json", "json"),
  YAML("yaml", "yaml"),
  MARKDOWN("markdown", "md"),
  SHELL("shell", "sh");

  private final String id;
  private final String extension;

  Language(String id, String extension) {
    this.id = id;
    this.extension = extension;
  }

  public String id() {
    return id;
  }

  public String extension() {
    return extension;
  }

  public static Optional<Language> byId(String id) {
    return Arrays.stream(values()).filter(language -> language.id.equals(id)).findFirst();
  }
}
