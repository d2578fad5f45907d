/** Writing the audit log. Reading it, with its permission, comes with the console and the API. */
package dev.herald.audit.boundary;
