/**
 * End-to-end tests of the browser app: each class runs one node:test file of {@code src/test/node}
 * against the app on Payara Micro and fails with its report when a browser test fails.
 */
package org.codeshare.it.browser;
