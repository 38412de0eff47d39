package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/operations.md} covers what an operator needs, every metric the nodes export, and
 * refers only to files that exist in the repository.
 */
class OperationsGuideTest {

  private final String guide = ProjectFiles.read("docs/operations.md");

  @Test
  void hasEverySection() {
    assertThat(guide)
        .contains(
            "## Deploy",
            "### Payara Micro (the WAR)",
            "### Payara Server (the EAR)",
            "### Containers (compose)",
            "## Configuration",
            "## Tuning",
            "## Health",
            "## Metrics",
            "## Alert rules",
            "## Logs",
            "## Backup and restore",
            "## Rolling update",
            "## Scaling horizontally",
            "## Troubleshooting",
            "## Security operations");
  }

  @Test
  void listsEveryMetricAndShutdownKey() {
    assertThat(guide)
        .contains(
            "codeshare_rooms_active",
            "codeshare_websocket_connections_active",
            "codeshare_snapshots_written_total",
            "codeshare_rooms_created_total",
            "codeshare_snapshot_failures_total",
            "codeshare_outbox_backlog",
            "codeshare_edit_commit_seconds",
            "codeshare_fanout_seconds",
            "codeshare_rate_limit_rejections_total",
            "codeshare_http_request_seconds",
            "codeshare_db_connections_open",
            "codeshare_db_pool_max",
            "memory_usedHeap_bytes",
            "codeshare.shutdown.readiness-delay",
            "codeshare.shutdown.commit-timeout",
            "codeshare.shutdown.flush-timeout");
    for (var alert :
        List.of(
            "HighErrorRate",
            "HeapAlmostFull",
            "ConnectionPoolExhausted",
            "OutboxBacklog",
            "SnapshotFailures")) {
      assertThat(guide).contains("alert: CodeShare" + alert);
    }
  }

  @Test
  void everyRepositoryPathItNamesExists() {
    var paths =
        Pattern.compile("(?:docker|server-config|micro/target|ear/target|docs)/[A-Za-z0-9._/-]+")
            .matcher(guide);
    while (paths.find()) {
      var path = paths.group().replaceAll("[.)]+$", "");
      if (path.contains("/target/") || path.equals("docker/.env")) {
        continue; // build output, and the operator's own copy of .env.example
      }
      assertThat(Files.exists(ProjectFiles.root().resolve(path))).as(path).isTrue();
    }
  }
}
