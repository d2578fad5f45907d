/**
 * The JAX-RS application at {@code /api/v1}: its OpenAPI description, health, and how every error
 * becomes an RFC 9457 problem.
 */
package dev.herald.platform.api;
