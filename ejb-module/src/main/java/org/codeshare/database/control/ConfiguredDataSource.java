package org.codeshare.database.control;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The physical data source behind the application's connection pool. The pool is declared with
 * {@code @DataSourceDefinition}; this class picks PostgreSQL or the embedded H2 file from
 * configuration when the pool opens its first connection.
 */
public class ConfiguredDataSource implements DataSource {

  private volatile DataSource target;
  private PrintWriter logWriter;
  private int loginTimeout;

  public static DatabaseSettings settings() {
    Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
    return DatabaseSettings.resolve(
        config.getOptionalValue("DATABASE_URL", String.class),
        config.getOptionalValue("DB_USER", String.class),
        config.getOptionalValue("DB_PASSWORD", String.class),
        Path.of(config.getOptionalValue("CODESHARE_DATA_DIR", String.class).orElse("data")));
  }

  private DataSource target() {
    var current = target;
    if (current == null) {
      synchronized (this) {
        if (target == null) {
          target = open(settings());
        }
        current = target;
      }
    }
    return current;
  }

  static DataSource open(DatabaseSettings settings) {
    if (settings.vendor() == DatabaseSettings.Vendor.H2) {
      var h2 = new JdbcDataSource();
      h2.setURL(settings.jdbcUrl());
      h2.setUser(settings.user());
      h2.setPassword(settings.password());
      return h2;
    }
    var postgres = new PGSimpleDataSource();
    postgres.setURL(settings.jdbcUrl());
    if (settings.user() != null) {
      postgres.setUser(settings.user());
    }
    if (settings.password() != null) {
      postgres.setPassword(settings.password());
    }
    postgres.setApplicationName("codeshare");
    postgres.setConnectTimeout(5);
    postgres.setSocketTimeout(60);
    return postgres;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return PhysicalConnections.counted(target().getConnection());
    } catch (SQLException | RuntimeException e) {
      PhysicalConnections.failed();
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return target().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target().isWrapperFor(type);
  }
}
