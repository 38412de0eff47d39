package org.codeshare.rooms.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Optional body of the ticket request: the name a guest shows to the others. */
public record TicketRequest(
    @Size(min = 1, max = 40) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String name) {}
