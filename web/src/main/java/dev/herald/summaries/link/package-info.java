/** Where a summary link leads: the page and its PDF, for whoever holds the link, without signing in. */
package dev.herald.summaries.link;
