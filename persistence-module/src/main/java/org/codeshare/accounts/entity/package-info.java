/** People who sign in, their roles, and revoked sessions. */
package org.codeshare.accounts.entity;
