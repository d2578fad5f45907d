/** The console's tenants list with its usage-report dialog, the generated reports, and the scheduled tasks. */
package dev.herald.usage.console;
