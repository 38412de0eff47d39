/** Paginated results shared by the listing endpoints. */
package org.codeshare.paging.entity;
