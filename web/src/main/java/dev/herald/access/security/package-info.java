/**
 * How the console and the API sign people in. One WAR has one authentication mechanism, so
 * {@link dev.herald.access.security.HeraldAuthenticationMechanism} chooses by path: the API takes
 * Basic or Bearer on every request and never a session; the console signs in through its own login
 * page and keeps the caller in its session.
 */
package dev.herald.access.security;
