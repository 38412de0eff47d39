/** Rooms: the shared documents people open by link, with their settings. */
package org.codeshare.rooms.entity;
