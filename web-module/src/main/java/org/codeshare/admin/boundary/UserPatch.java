package org.codeshare.admin.boundary;

import jakarta.validation.constraints.NotNull;

public record UserPatch(@NotNull Boolean disabled) {}
