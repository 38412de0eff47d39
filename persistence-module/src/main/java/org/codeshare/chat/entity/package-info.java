/** Room chat messages as stored. */
package org.codeshare.chat.entity;
