/**
 * Reports: their definitions, criteria with relative dates, named-parameter SQL, and running a
 * report's query on the reporting data source into a renderer.
 */
package dev.herald.reports.control;
