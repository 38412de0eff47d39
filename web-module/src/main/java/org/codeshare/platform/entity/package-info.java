/** Failures of the HTTP edge that callers see as problems. */
package org.codeshare.platform.entity;
