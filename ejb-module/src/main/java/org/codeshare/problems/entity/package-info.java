/** Domain failures that callers see as RFC 9457 problem details. */
package org.codeshare.problems.entity;
