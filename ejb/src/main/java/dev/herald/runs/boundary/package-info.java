/**
 * Runs: the one method through which a run is carried out, run now, the history of runs, and
 * withdrawing a link a run sent.
 */
package dev.herald.runs.boundary;
