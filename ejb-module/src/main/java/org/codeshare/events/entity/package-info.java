/** Events: the JSON envelope and the data of each event type published to Kafka. */
package org.codeshare.events.entity;
