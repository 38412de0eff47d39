/** The node's life cycle: serving, then draining on shutdown, and the limits of the drain. */
package org.codeshare.lifecycle.control;
