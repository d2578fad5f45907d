/** Tenant usage reports in SQL: the tenants filter and the criteria of the usage export. */
package dev.herald.usage.control;
