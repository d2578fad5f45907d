/** The partners' API: on-demand items and runs, and the files sent to them by link. */
package dev.herald.ondemand.api;
