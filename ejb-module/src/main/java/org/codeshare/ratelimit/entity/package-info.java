/** What a rate limit decided, and the failure a caller sees when it is exceeded. */
package org.codeshare.ratelimit.entity;
