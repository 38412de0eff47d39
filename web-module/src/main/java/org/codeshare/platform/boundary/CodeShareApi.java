package org.codeshare.platform.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API lives under {@code /api}; health and metrics are served by the runtime. Session
 * tokens are MicroProfile JWTs ({@code @LoginConfig}); a bean (discovery is annotated) so that
 * Payara's MP-JWT extension finds the annotation.
 */
@Dependent
@LoginConfig(authMethod = "MP-JWT")
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "CodeShare API",
            version = "1.0.0",
            description =
                "Rooms, accounts and sharing of CodeShare, the self-hosted real-time collaborative"
                    + " code editor. Errors are RFC 9457 application/problem+json; requests are"
                    + " rate limited (RateLimit-* headers, 429 with Retry-After)."))
public class CodeShareApi extends Application {}
