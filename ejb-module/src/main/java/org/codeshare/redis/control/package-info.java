/** The connection to Redis, shared by presence, fan-out and rate limiting. */
package org.codeshare.redis.control;
