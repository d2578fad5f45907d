/**
 * Signing in and acting as someone: password and token checks for the identity stores of both
 * WARs, and the API tokens users make for other systems.
 */
package dev.herald.access.boundary;
