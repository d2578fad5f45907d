/** Scope kinds and their values, for staff: what accounts can be limited to. */
package dev.herald.scopes.boundary;
