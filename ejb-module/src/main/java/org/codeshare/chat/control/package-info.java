/** Room chat: persisted messages, the last few replayed to whoever joins. */
package org.codeshare.chat.control;
