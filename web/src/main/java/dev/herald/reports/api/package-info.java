/** The API of the report catalog: reports, rendering, previews and criteria sets. */
package dev.herald.reports.api;
