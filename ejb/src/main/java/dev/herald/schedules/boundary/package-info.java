/**
 * Report schedules for the console and the API: create, change, enable, disable, delete, search,
 * preview a timetable, and the next runs and calendar of a saved schedule. Inputs arrive as text,
 * the way JSON and forms give them; every field that is wrong is named in one answer.
 */
package dev.herald.schedules.boundary;
