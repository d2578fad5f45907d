/** The scope kinds in the JAX-RS API. */
package dev.herald.scopes.api;
