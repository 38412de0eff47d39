/**
 * The rules behind the HTTP edge: trusted proxies and client addresses, origins, CORS, the
 * same-origin check for cookie-authenticated writes, security headers and request ids.
 */
package org.codeshare.platform.control;
