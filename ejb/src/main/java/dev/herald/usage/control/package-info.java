/** Tenant usage reports in SQL and text: the tenants filter, periods, and the list as CSV. */
package dev.herald.usage.control;
