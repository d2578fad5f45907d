/** The console page of the weekly summary reports. */
package dev.herald.summaries.console;
