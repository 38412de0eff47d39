package org.codeshare.database.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.codeshare.database.control.DatabaseSettings.Vendor;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  private static final Path DATA = Path.of("/var/lib/codeshare");

  @Test
  void withoutDatabaseUrlUsesAnH2FileInPostgresModeUnderTheDataDir() {
    var settings =
        DatabaseSettings.resolve(Optional.empty(), Optional.empty(), Optional.empty(), DATA);

    assertThat(settings.vendor()).isEqualTo(Vendor.H2);
    assertThat(settings.jdbcUrl())
        .startsWith("jdbc:h2:file:/var/lib/codeshare/codeshare;")
        .contains("MODE=PostgreSQL");
    assertThat(settings.redactedUrl()).isEqualTo("jdbc:h2:file:/var/lib/codeshare/codeshare");
  }

  @Test
  void blankDatabaseUrlCountsAsUnset() {
    var settings =
        DatabaseSettings.resolve(Optional.of("  "), Optional.empty(), Optional.empty(), DATA);

    assertThat(settings.vendor()).isEqualTo(Vendor.H2);
  }

  @Test
  void jdbcUrlIsTakenAsItIsWithSeparateCredentials() {
    var settings =
        DatabaseSettings.resolve(
            Optional.of("jdbc:postgresql://db:5432/codeshare?sslmode=require"),
            Optional.of("app"),
            Optional.of("secret"),
            DATA);

    assertThat(settings.vendor()).isEqualTo(Vendor.POSTGRESQL);
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/codeshare?sslmode=require");
    assertThat(settings.user()).isEqualTo("app");
    assertThat(settings.password()).isEqualTo("secret");
    assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/codeshare");
  }

  @Test
  void postgresUriCarriesDecodedCredentialsAndDefaultsThePort() {
    var settings =
        DatabaseSettings.resolve(
            Optional.of("postgres://app:p%40ss@db.internal/codeshare?sslmode=require"),
            Optional.empty(),
            Optional.empty(),
            DATA);

    assertThat(settings.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5432/codeshare?sslmode=require");
    assertThat(settings.user()).isEqualTo("app");
    assertThat(settings.password()).isEqualTo("p@ss");
  }

  @Test
  void explicitUserAndPasswordWinOverTheUri() {
    var settings =
        DatabaseSettings.resolve(
            Optional.of("postgresql://app:old@db:6543/codeshare"),
            Optional.of("admin"),
            Optional.of("new"),
            DATA);

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/codeshare");
    assertThat(settings.user()).isEqualTo("admin");
    assertThat(settings.password()).isEqualTo("new");
  }

  @Test
  void aPlusInThePasswordStaysAPlusAndServiceNamesWithUnderscoresAreHosts() {
    var settings =
        DatabaseSettings.resolve(
            Optional.of("postgres://app:a+b%2Bc@codeshare_db:6432/cs"),
            Optional.empty(),
            Optional.empty(),
            DATA);

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://codeshare_db:6432/cs");
    assertThat(settings.password()).isEqualTo("a+b+c");
  }

  @Test
  void ipv6HostsKeepTheirBrackets() {
    var withPort =
        DatabaseSettings.resolve(
            Optional.of("postgres://app:pw@[::1]:6432/cs"),
            Optional.empty(),
            Optional.empty(),
            DATA);
    var withoutPort =
        DatabaseSettings.resolve(
            Optional.of("postgres://[fd00::5]/cs"), Optional.empty(), Optional.empty(), DATA);

    assertThat(withPort.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6432/cs");
    assertThat(withoutPort.jdbcUrl()).isEqualTo("jdbc:postgresql://[fd00::5]:5432/cs");
    assertThat(withoutPort.user()).isNull();
  }

  @Test
  void aUriWithoutAHostOrWithABadPortIsRejected() {
    assertThatThrownBy(
            () ->
                DatabaseSettings.resolve(
                    Optional.of("postgres:///cs"), Optional.empty(), Optional.empty(), DATA))
        .hasMessage("DATABASE_URL names no host");
    assertThatThrownBy(
            () ->
                DatabaseSettings.resolve(
                    Optional.of("postgres://u:p@:5432/cs"),
                    Optional.empty(),
                    Optional.empty(),
                    DATA))
        .hasMessage("DATABASE_URL names no host");
    assertThat(
            DatabaseSettings.resolve(
                    Optional.of("postgres://db:/cs"), Optional.empty(), Optional.empty(), DATA)
                .jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:5432/cs");
    assertThatThrownBy(
            () ->
                DatabaseSettings.resolve(
                    Optional.of("postgres://db:port/cs"), Optional.empty(), Optional.empty(), DATA))
        .hasMessage("DATABASE_URL has a port that is not a number");
  }

  @Test
  void otherDatabasesAreRejectedWithAClearMessage() {
    assertThatThrownBy(
            () ->
                DatabaseSettings.resolve(
                    Optional.of("mysql://db/codeshare"), Optional.empty(), Optional.empty(), DATA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATABASE_URL");
  }
}
