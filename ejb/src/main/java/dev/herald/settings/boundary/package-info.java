/** Organisation settings: the client name, time zone and delivery limits every part of Herald uses. */
package dev.herald.settings.boundary;
