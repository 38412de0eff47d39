package org.codeshare.rooms.boundary;

import jakarta.validation.constraints.Size;
import org.codeshare.platform.boundary.DisplayText;

/** Optional body of the ticket request: the name a guest shows to the others. */
public record TicketRequest(@Size(min = 1, max = 40) @DisplayText String name) {}
