/** The weekly summary reports' settings. */
package dev.herald.summaries.entity;
