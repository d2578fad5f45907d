/**
 * How runs are owned and carried out across instances: claiming, heartbeats, taking over the runs
 * of an instance that stopped, the worker threads that execute them, fair use of on-demand runs, and
 * housekeeping (files and runs purged past their retention, one instance at a time).
 */
package dev.herald.runs.control;
