/** The API for the signed-in caller: who they are, and their API tokens. */
package dev.herald.access.api;
