/** The scheduler: the clock that wakes each instance, and (next) the claiming of due runs. */
package dev.herald.schedules.control;
