/**
 * The rules behind the HTTP edge: trusted proxies and client addresses, origins, CORS, the
 * same-origin check for cookie-authenticated writes, security headers, request ids, the access log
 * line and HTTP request timings.
 */
package org.codeshare.platform.control;
