package org.codeshare.accounts.entity;

/** What an account may do across the whole installation. */
public enum Role {
  USER,
  ADMIN
}
