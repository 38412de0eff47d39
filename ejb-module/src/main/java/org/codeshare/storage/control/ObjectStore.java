package org.codeshare.storage.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.codeshare.health.entity.Probe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 (or a compatible store such as MinIO) when {@code S3_BUCKET} is set; without it, snapshots go
 * to the local filesystem under the data directory.
 */
@ApplicationScoped
public class ObjectStore {

  @Inject
  @ConfigProperty(name = "S3_BUCKET")
  Optional<String> bucket;

  @Inject
  @ConfigProperty(name = "S3_ENDPOINT")
  Optional<String> endpoint;

  @Inject
  @ConfigProperty(name = "S3_REGION", defaultValue = "us-east-1")
  String region;

  @Inject
  @ConfigProperty(name = "AWS_ACCESS_KEY_ID")
  Optional<String> accessKey;

  @Inject
  @ConfigProperty(name = "AWS_SECRET_ACCESS_KEY")
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = "codeshare.s3.timeout-millis", defaultValue = "2000")
  int timeoutMillis;

  private S3Client client;

  public boolean configured() {
    return bucket.filter(value -> !value.isBlank()).isPresent();
  }

  public String bucket() {
    return bucket.orElseThrow();
  }

  public synchronized S3Client client() {
    if (client == null) {
      var builder =
          S3Client.builder()
              .httpClient(UrlConnectionHttpClient.create())
              .region(Region.of(region))
              .credentialsProvider(credentials());
      endpoint
          .filter(value -> !value.isBlank())
          .ifPresent(value -> builder.endpointOverride(URI.create(value)).forcePathStyle(true));
      client = builder.build();
    }
    return client;
  }

  private AwsCredentialsProvider credentials() {
    if (accessKey.isPresent() && secretKey.isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  public Probe check() {
    if (!configured()) {
      return Probe.notConfigured("s3", "filesystem");
    }
    var timeout = Duration.ofMillis(timeoutMillis);
    return Probe.time(
        "s3",
        "s3",
        () ->
            client()
                .headBucket(
                    request ->
                        request
                            .bucket(bucket())
                            .overrideConfiguration(override -> override.apiCallTimeout(timeout))));
  }

  @PreDestroy
  synchronized void close() {
    if (client != null) {
      client.close();
    }
  }
}
