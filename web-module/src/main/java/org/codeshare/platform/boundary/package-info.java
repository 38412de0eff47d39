/** The entry points of the HTTP API. */
package org.codeshare.platform.boundary;
