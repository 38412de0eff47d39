/** What the rest of the application learns about this node's life cycle. */
package org.codeshare.lifecycle.entity;
