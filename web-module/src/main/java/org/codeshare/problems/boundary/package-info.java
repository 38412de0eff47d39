/** Turns every failure into RFC 9457 problem+json. */
package org.codeshare.problems.boundary;
