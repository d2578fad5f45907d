/**
 * The run engine, in one place: the due query and the clock, claiming, heartbeats and instance
 * lives, taking over the runs of an instance that stopped, the worker threads and render slots, the
 * steps of a run (its items, made by an {@link dev.herald.runs.control.ItemMaker}; its deliveries,
 * each recorded so that nothing is sent twice; waiting for another try as a row), fencing, the
 * journal, fair use of on-demand runs, and housekeeping.
 */
package dev.herald.runs.control;
