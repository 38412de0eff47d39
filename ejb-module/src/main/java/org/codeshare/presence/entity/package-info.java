/** Who is in a room right now, as shown to the others. */
package org.codeshare.presence.entity;
