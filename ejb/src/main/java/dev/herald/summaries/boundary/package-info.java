/**
 * The weekly summary reports as staff and recipients use them: the settings (Configure Summary
 * Reports), a test send, what was sent and to whom, withdrawing links, and opening a link.
 */
package dev.herald.summaries.boundary;
