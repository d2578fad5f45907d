/** The console's home page and what every console page shares. */
package dev.herald.platform.console;
