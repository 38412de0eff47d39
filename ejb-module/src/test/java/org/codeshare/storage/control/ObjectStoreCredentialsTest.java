package org.codeshare.storage.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.internal.WebIdentityCredentialsUtils;

/**
 * Without {@code AWS_ACCESS_KEY_ID} the store uses AWS's default credential chain. Its web identity
 * provider (IAM roles for Kubernetes service accounts) exchanges the token through STS and is
 * skipped without a word when the STS module is missing: the module ships with the application.
 */
class ObjectStoreCredentialsTest {

  @Test
  void theDefaultChainCanExchangeWebIdentityTokens() {
    assertThat(WebIdentityCredentialsUtils.factory()).isNotNull();
  }
}
