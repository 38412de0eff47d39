package org.codeshare.platform.boundary;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text people read on one line (titles, names): at least one visible character and no control
 * characters, which PostgreSQL would refuse (NUL) or which garble what others see. Null passes.
 */
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = "[^\\p{Cc}]*[^\\p{Cc}\\s][^\\p{Cc}]*")
public @interface DisplayText {

  String message() default "must not be blank or contain control characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
