/** The weekly summary reports over HTTP: settings, a test send, what was sent, withdrawing links. */
package dev.herald.summaries.api;
