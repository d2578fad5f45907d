/** The organisation Herald works for: its name, time zone and delivery limits. */
package dev.herald.settings.entity;
