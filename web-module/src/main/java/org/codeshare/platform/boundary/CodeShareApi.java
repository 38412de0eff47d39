package org.codeshare.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under {@code /api}; health and metrics are served by the runtime. */
@ApplicationPath("api")
public class CodeShareApi extends Application {}
