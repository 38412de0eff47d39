/** Events: the transactional outbox rows the relay publishes to Kafka. */
package org.codeshare.events.entity;
