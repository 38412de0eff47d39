/** Applies the request rate limits to the REST API and reports them in response headers. */
package org.codeshare.ratelimit.boundary;
