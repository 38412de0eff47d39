/** Fixed-window rate limits, shared through Redis across nodes, or kept in this JVM without it. */
package org.codeshare.ratelimit.control;
