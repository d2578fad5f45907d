/**
 * How the partner portal signs people in: its own form login, session and identity store, apart
 * from the console's. Only users with Collect Reports get in.
 */
package dev.herald.partners.security;
