/**
 * The weekly summary reports: the period's service-desk figures compared with the period before,
 * the rules that turn them into alerts and recommendations, and the page and PDF that show them
 * with charts Herald draws itself.
 */
package dev.herald.summaries.control;
