package org.codeshare.accounts.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.codeshare.platform.boundary.DisplayText;

public record Registration(
    @NotNull @Email @Size(max = 254) String email,
    @NotNull @Size(min = 10, max = 128, message = "must have 10 to 128 characters") String password,
    @NotNull @Size(min = 1, max = 100) @DisplayText String displayName) {}
