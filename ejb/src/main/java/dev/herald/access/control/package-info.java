/**
 * The rules behind signing in: password hashing, sign-in throttling per account and address,
 * sessions that follow their account, token secrets, the first administrator.
 */
package dev.herald.access.control;
