/**
 * How runs are owned and carried out across instances: claiming, heartbeats, taking over the runs
 * of an instance that stopped, and the worker threads that execute them.
 */
package dev.herald.runs.control;
