/** Registration, sign-in, password hashing, token issuing and verification, the first admin. */
package org.codeshare.accounts.control;
