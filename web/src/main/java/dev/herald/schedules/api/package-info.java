/** The API for report schedules and timetable previews (API.md, Schedules and Recurrence preview). */
package dev.herald.schedules.api;
