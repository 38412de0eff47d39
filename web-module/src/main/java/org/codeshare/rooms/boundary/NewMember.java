package org.codeshare.rooms.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An invitation by email; the person becomes a member now or when they register. */
public record NewMember(
    @NotNull @Email @Size(max = 254) String email,
    @NotNull @Pattern(regexp = "OWNER|EDITOR|VIEWER", message = "must be OWNER, EDITOR or VIEWER")
        String role) {}
