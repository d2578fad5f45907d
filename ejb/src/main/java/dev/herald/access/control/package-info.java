/** The rules behind signing in: password hashing, lock-out, token secrets, the first administrator. */
package dev.herald.access.control;
