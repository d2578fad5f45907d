/** Start-up work and shared infrastructure for every business component. */
package dev.herald.platform.control;
