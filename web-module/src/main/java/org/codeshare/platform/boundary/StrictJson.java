package org.codeshare.platform.boundary;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * JSON-B as the API wants it: a property the request type does not have is an error, and so is a
 * value of the wrong JSON type ({@code "yes"} for a boolean, {@code 123} for a string), where the
 * default would quietly convert it.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              // Yasson's YassonConfig.FAIL_ON_UNKNOWN_PROPERTIES; it ignores any other spelling.
              .setProperty("jsonb.fail-on-unknown-properties", true)
              .withDeserializers(new StrictString(), new StrictBoolean()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  static final class StrictString implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      var value = parser.getValue();
      if (value instanceof JsonString string) {
        return string.getString();
      }
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      throw new JsonbException("expected a string but found " + describe(value));
    }
  }

  static final class StrictBoolean implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
      var value = parser.getValue();
      return switch (value.getValueType()) {
        case TRUE -> Boolean.TRUE;
        case FALSE -> Boolean.FALSE;
        case NULL -> null;
        default -> throw new JsonbException("expected true or false but found " + describe(value));
      };
    }
  }

  private static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case NUMBER -> "a number";
      case STRING -> "a string";
      case TRUE, FALSE -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
    };
  }
}
