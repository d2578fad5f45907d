/** In-container tests: Herald's business components wired by the real server, on PostgreSQL. */
package dev.herald.it;
