/** The administrators' API: find and disable accounts, find and delete rooms. */
package org.codeshare.admin.boundary;
