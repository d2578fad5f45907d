/**
 * Report schedules: what to run (items, each a report with its criteria and delivery), and when
 * (the recurrence, with the next run time that the scheduler's due query reads).
 */
package dev.herald.schedules.entity;
