/** Where snapshot content is kept: S3 or a compatible store, else the local filesystem. */
package org.codeshare.storage.control;
