/** Graceful shutdown: the drain on stop and its readiness check. */
package org.codeshare.lifecycle.boundary;
