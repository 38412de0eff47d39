/** Creating and finding rooms. */
package org.codeshare.rooms.control;
