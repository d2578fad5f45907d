/** Organisation settings over the API. */
package dev.herald.settings.api;
