/** End-to-end tests of the deployed EAR: over HTTP as other systems call it, and in a real browser. */
package dev.herald.system;
