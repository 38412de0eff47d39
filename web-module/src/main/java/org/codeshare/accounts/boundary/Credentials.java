package org.codeshare.accounts.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record Credentials(
    @NotNull @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {}
