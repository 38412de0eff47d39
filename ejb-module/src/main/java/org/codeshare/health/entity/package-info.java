/** What a readiness check learned about one dependency. */
package org.codeshare.health.entity;
