/** The API for the history of runs (API.md, Runs). */
package dev.herald.runs.api;
