/** What keeps Herald itself running: the schema, the clock, and the health of what it depends on. */
package dev.herald.platform.boundary;
