/** The audit log over the API. */
package dev.herald.audit.api;
