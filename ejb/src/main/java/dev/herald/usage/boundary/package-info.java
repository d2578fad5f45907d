/**
 * Tenant usage reports: the tenants list, usage exports generated now (in the background, with
 * progress, cancellable), and the scheduled tasks that make them regularly, all on the run engine.
 */
package dev.herald.usage.boundary;
