/** Start-up checks of the configuration as a whole. */
package org.codeshare.configuration.control;
