/**
 * What keeps Herald itself running: the schema, the clock, the health of what it depends on, and
 * the bounds every input must keep (accepted dates, page sizes) with the problems that say so.
 */
package dev.herald.platform.boundary;
