package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker/compose.yaml} has the cluster the operations guide describes: PostgreSQL, Redis,
 * Kafka in KRaft mode, MinIO with its bucket, three app nodes and nginx, each with a health check,
 * and every variable it reads is documented in {@code docker/.env.example}.
 */
class ComposeFileTest {

  private static final List<String> APPS = List.of("app1", "app2", "app3");
  private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z0-9_]+)");

  private final String source = ProjectFiles.read("docker/compose.yaml");
  private final Map<String, Object> compose = parse(source);

  @Test
  void theClusterHasEveryServiceWithAHealthCheck() {
    assertThat(services().keySet())
        .contains("postgres", "redis", "kafka", "minio", "minio-init", "app1", "app2", "app3")
        .contains("nginx", "server");
    for (var name :
        List.of("postgres", "redis", "kafka", "minio", "app1", "app2", "app3", "nginx")) {
      var healthcheck = map(service(name).get("healthcheck"));
      assertThat(healthcheck).as(name + " healthcheck").isNotNull().containsKey("test");
    }
    for (var app : APPS) {
      assertThat(map(service(app).get("healthcheck")).get("test").toString())
          .contains("/health/ready");
      assertThat(service(app).get("stop_grace_period")).isEqualTo("30s");
    }
  }

  @Test
  void appNodesGetEveryDependencyAndWaitForIt() {
    for (var app : APPS) {
      var environment = map(service(app).get("environment"));
      assertThat(environment.keySet())
          .contains(
              "DATABASE_URL",
              "DB_USER",
              "DB_PASSWORD",
              "REDIS_URL",
              "KAFKA_BOOTSTRAP_SERVERS",
              "S3_ENDPOINT",
              "S3_BUCKET",
              "S3_REGION",
              "AWS_ACCESS_KEY_ID",
              "AWS_SECRET_ACCESS_KEY",
              "JWT_PRIVATE_KEY",
              "JWT_PUBLIC_KEY",
              "COOKIE_SECURE",
              "FRONTEND_ORIGIN",
              "CODESHARE_PROFILE",
              "CODESHARE_SHUTDOWN_READINESS_DELAY",
              "CODESHARE_SHUTDOWN_COMMIT_TIMEOUT",
              "CODESHARE_SHUTDOWN_FLUSH_TIMEOUT");
      var dependsOn = map(service(app).get("depends_on"));
      assertThat(dependsOn.keySet()).contains("postgres", "redis", "kafka", "minio-init");
      assertThat(map(dependsOn.get("minio-init")).get("condition"))
          .isEqualTo("service_completed_successfully");
    }
    var nginx = map(service("nginx").get("depends_on"));
    for (var app : APPS) {
      assertThat(map(nginx.get(app)).get("condition")).isEqualTo("service_healthy");
    }
  }

  @Test
  void kafkaRunsInKraftModeAndMinioGetsItsBucket() {
    var kafka = map(service("kafka").get("environment"));
    assertThat(kafka.get("KAFKA_PROCESS_ROLES").toString()).contains("controller");
    assertThat(kafka)
        .containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS")
        .doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
    assertThat(service("minio-init").get("command").toString()).contains("mc mb");
  }

  @Test
  void everyVariableTheFileReadsIsInTheEnvExample() {
    var example = ProjectFiles.read("docker/.env.example");
    var missing = new ArrayList<String>();
    var matcher = VARIABLE.matcher(source);
    while (matcher.find()) {
      var name = matcher.group(1);
      if (!Pattern.compile("(?m)^#? ?" + name + "=").matcher(example).find()) {
        missing.add(name);
      }
    }
    assertThat(missing).as("variables of compose.yaml missing in .env.example").isEmpty();
  }

  private Map<String, Object> services() {
    return map(compose.get("services"));
  }

  private Map<String, Object> service(String name) {
    return map(services().get(name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> parse(String yaml) {
    var options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options)).load(yaml);
  }
}
