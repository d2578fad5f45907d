/** Tenants, usage reports and scheduled tasks over HTTP. */
package dev.herald.usage.api;
