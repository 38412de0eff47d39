/** The application's data source, its configuration and the schema migrations run at startup. */
package org.codeshare.database.control;
