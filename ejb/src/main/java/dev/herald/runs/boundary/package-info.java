/**
 * Runs: the one method through which a run is carried out, run now, the history of runs, withdrawing
 * a link a run sent, and housekeeping as staff see it (what is kept how long, the last purge).
 */
package dev.herald.runs.boundary;
