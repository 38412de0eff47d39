package org.codeshare.rooms.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record RoleChange(
    @NotNull @Pattern(regexp = "OWNER|EDITOR|VIEWER", message = "must be OWNER, EDITOR or VIEWER")
        String role) {}
