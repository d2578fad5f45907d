/** Scope kinds in the console: the page that declares them, and their names for the other pages. */
package dev.herald.scopes.console;
