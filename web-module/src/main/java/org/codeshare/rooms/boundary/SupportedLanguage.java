package org.codeshare.rooms.boundary;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.codeshare.rooms.entity.Language;

/** A language id the editor knows, such as {@code java} or {@code python}; null passes. */
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = SupportedLanguage.Validator.class)
public @interface SupportedLanguage {

  String message() default "is not a supported language";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<SupportedLanguage, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || Language.byId(value).isPresent();
    }
  }
}
