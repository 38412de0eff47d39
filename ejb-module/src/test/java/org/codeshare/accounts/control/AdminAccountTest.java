package org.codeshare.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.ejb.EJBException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.codeshare.accounts.entity.Role;
import org.codeshare.accounts.entity.User;
import org.codeshare.database.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured administrator on the embedded database, and two nodes creating it at once. */
class AdminAccountTest {

  private static final String EMAIL = "Admin@Example.org";

  @TempDir Path directory;
  private TestDatabase db;

  @BeforeEach
  void open() {
    db = TestDatabase.h2(directory);
  }

  @AfterEach
  void close() {
    db.factory().close();
  }

  private AdminAccount.Outcome ensure(Optional<String> password) {
    return db.inTransaction(em -> account(em, new PlainPasswords()).ensure(EMAIL, password));
  }

  private static AdminAccount account(jakarta.persistence.EntityManager em, Passwords passwords) {
    var account = new AdminAccount();
    account.em = em;
    account.passwords = passwords;
    return account;
  }

  private User stored() {
    return db.inTransaction(
        em ->
            em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(EMAIL))
                .getSingleResult());
  }

  @Test
  void theAccountIsCreatedOnceThenLeftAlone() {
    assertThat(ensure(Optional.of("a long password"))).isEqualTo(AdminAccount.Outcome.CREATED);
    assertThat(ensure(Optional.of("another password"))).isEqualTo(AdminAccount.Outcome.UNCHANGED);

    var admin = stored();
    assertThat(admin.role()).isEqualTo(Role.ADMIN);
    assertThat(admin.email()).isEqualTo("admin@example.org");
    assertThat(admin.passwordHash()).isEqualTo("hashed:a long password");
  }

  @Test
  void anExistingUserIsPromotedAndKeepsTheirPassword() {
    db.inTransaction(
        em -> {
          em.persist(
              new User(
                  "admin@example.org",
                  "Ann",
                  "hashed:ann's own",
                  Role.USER,
                  java.time.Instant.now()));
          return null;
        });

    assertThat(ensure(Optional.empty())).isEqualTo(AdminAccount.Outcome.PROMOTED);

    assertThat(stored().role()).isEqualTo(Role.ADMIN);
    assertThat(stored().passwordHash()).isEqualTo("hashed:ann's own");
  }

  @Test
  void creatingItNeedsAPasswordOfTenCharacters() {
    assertThatThrownBy(() -> ensure(Optional.of("short")))
        .isInstanceOf(AdminAccount.PasswordRequired.class)
        .hasMessageContaining("CODESHARE_ADMIN_PASSWORD (at least 10 characters)");
  }

  @Test
  void theNodeThatLosesTheRaceFailsAndFindsTheAccountWhenItLooksAgain() throws Exception {
    var firstInserted = new CountDownLatch(1);
    var secondLooked = new CountDownLatch(1);
    var first =
        CompletableFuture.supplyAsync(
            () ->
                db.inTransaction(
                    em -> {
                      var outcome =
                          account(em, new PlainPasswords())
                              .ensure(EMAIL, Optional.of("first node's password"));
                      firstInserted.countDown();
                      await(secondLooked); // commits only once the other node has looked
                      return outcome;
                    }));
    await(firstInserted);
    var second =
        CompletableFuture.supplyAsync(
            () ->
                db.inTransaction(
                    // hashing comes after the lookup found nothing, before the insert
                    em ->
                        account(em, new SignallingPasswords(secondLooked))
                            .ensure(EMAIL, Optional.of("second node's password"))));

    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(AdminAccount.Outcome.CREATED);
    var failure = catchThrowable(() -> second.get(30, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertThat(rootCause(failure).getMessage()).containsIgnoringCase("unique");
    assertThat(ensure(Optional.of("second node's password")))
        .isEqualTo(AdminAccount.Outcome.UNCHANGED);
    assertThat(stored().passwordHash()).isEqualTo("hashed:first node's password");
  }

  @Test
  void theBootstrapLooksAgainAfterAFailedAttempt() {
    var calls = new ArrayList<String>();
    var bootstrap = new AdminBootstrap();
    bootstrap.email = Optional.of(EMAIL);
    bootstrap.password = Optional.of("a long password");
    bootstrap.account = new ScriptedAdminAccount(calls, List.of(true, false));

    bootstrap.ensureAdmin();

    assertThat(calls).containsExactly(EMAIL, EMAIL);
  }

  @Test
  void theBootstrapGivesUpWhenTheSecondAttemptFailsToo() {
    var calls = new ArrayList<String>();
    var bootstrap = new AdminBootstrap();
    bootstrap.email = Optional.of(EMAIL);
    bootstrap.password = Optional.of("a long password");
    bootstrap.account = new ScriptedAdminAccount(calls, List.of(true, true));

    assertThatThrownBy(bootstrap::ensureAdmin).isInstanceOf(EJBException.class);
    assertThat(calls).hasSize(2);
  }

  @Test
  void withoutAConfiguredEmailNothingHappens() {
    var calls = new ArrayList<String>();
    var bootstrap = new AdminBootstrap();
    bootstrap.email = Optional.of(" ");
    bootstrap.password = Optional.empty();
    bootstrap.account = new ScriptedAdminAccount(calls, List.of());

    bootstrap.ensureAdmin();

    assertThat(calls).isEmpty();
  }

  private static Throwable rootCause(Throwable failure) {
    var root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Hashes as "hashed:" + the password: no Jakarta Security provider in unit tests. */
  static final class PlainPasswords extends Passwords {
    @Override
    public String hash(char[] password) {
      return "hashed:" + new String(password);
    }
  }

  /** {@link PlainPasswords} that also says when it is asked for a hash. */
  private static final class SignallingPasswords extends Passwords {
    private final CountDownLatch asked;

    SignallingPasswords(CountDownLatch asked) {
      this.asked = asked;
    }

    @Override
    public String hash(char[] password) {
      asked.countDown();
      return "hashed:" + new String(password);
    }
  }

  /** Fails (as a container-wrapped database error) the calls its script says. */
  private static final class ScriptedAdminAccount extends AdminAccount {
    private final List<String> calls;
    private final List<Boolean> failures;

    ScriptedAdminAccount(List<String> calls, List<Boolean> failures) {
      this.calls = calls;
      this.failures = failures;
    }

    @Override
    public Outcome ensure(String email, Optional<String> password) {
      int call = calls.size();
      calls.add(email);
      if (failures.get(call)) {
        throw new EJBException("duplicate key value violates unique constraint users_email_key");
      }
      return Outcome.UNCHANGED;
    }
  }
}
