/** Activity events and their delivery to Kafka. */
package org.codeshare.events.control;
