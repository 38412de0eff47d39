package org.codeshare.database.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the schema has been migrated and validated on this node. Kept outside the migrating
 * singleton so health checks can ask while that singleton is still starting.
 */
@ApplicationScoped
public class SchemaState {

  private volatile String version;

  void migrated(String version) {
    this.version = version;
  }

  public boolean ready() {
    return version != null;
  }

  public String version() {
    return version;
  }
}
