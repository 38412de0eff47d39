/** The rooms REST resource and its request and response records. */
package org.codeshare.rooms.boundary;
