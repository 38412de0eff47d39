package org.codeshare.configuration.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops the deployment when a setting the application injects has a value of the wrong kind (a
 * duration that is not ISO-8601, a number that is not one): the server's injection quietly uses the
 * default instead, so a mistyped {@code CODESHARE_JWT_SESSION_TTL=12h} would otherwise run with
 * twelve hours without a word. Every {@link ConfigProperty} injection point of a duration or number
 * is checked once, when the application starts.
 */
public class SettingsCheck implements Extension {

  static final String TOPIC = "codeshare.events.topic";
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Map<String, Type> settings = new TreeMap<>();

  void collect(@Observes ProcessInjectionPoint<?, ?> event) {
    var point = event.getInjectionPoint();
    var property = point.getAnnotated().getAnnotation(ConfigProperty.class);
    if (property != null && !property.name().isEmpty()) {
      synchronized (settings) {
        settings.put(property.name(), point.getType());
      }
    }
  }

  void check(@Observes AfterDeploymentValidation event) {
    var config = ConfigProvider.getConfig();
    synchronized (settings) {
      settings.forEach(
          (name, type) ->
              config
                  .getOptionalValue(name, String.class)
                  .flatMap(value -> problem(name, value, type))
                  .ifPresent(
                      problem -> event.addDeploymentProblem(new IllegalStateException(problem))));
    }
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** What is wrong with {@code value} for a setting of {@code type}, if anything. */
  static Optional<String> problem(String name, String value, Type type) {
    var target = type;
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() == Optional.class) {
      target = parameterized.getActualTypeArguments()[0];
    }
    var text = value.strip();
    if (text.isEmpty()) {
      return Optional.empty(); // unset
    }
    if (name.equals(TOPIC) && !TOPIC_NAME.matcher(text).matches()) {
      // every edit's event goes to the outbox with it (topic varchar(100))
      return Optional.of(
          name
              + " is \""
              + value
              + "\", not a Kafka topic name of at most 100 letters, digits, '.', '_' and '-'");
    }
    try {
      if (target == Duration.class) {
        Duration.parse(text);
      } else if (target == int.class || target == Integer.class) {
        Integer.parseInt(text);
      } else if (target == long.class || target == Long.class) {
        Long.parseLong(text);
      } else if ((target == double.class || target == Double.class) && !isNumber(text)) {
        return Optional.of(name + " is \"" + value + "\", not a number");
      }
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(
          name + " is \"" + value + "\", not an ISO-8601 duration (such as PT12H, PT30S or P7D)");
    } catch (NumberFormatException e) {
      return Optional.of(name + " is \"" + value + "\", not a whole number");
    }
  }
}
