/** MicroProfile Health checks: liveness, startup, and one readiness check per dependency. */
package org.codeshare.health.boundary;
