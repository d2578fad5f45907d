/**
 * Runs: the one method through which a run is carried out, run now, and the history of runs. What a
 * run does (render, deliver) arrives with the reports and delivery components; until then a run
 * records itself.
 */
package dev.herald.runs.boundary;
