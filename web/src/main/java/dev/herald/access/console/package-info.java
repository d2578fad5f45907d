/** Signing in to and out of the console. */
package dev.herald.access.console;
