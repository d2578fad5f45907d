/** The report catalog, criteria sets, and rendering reports on request (the Report Explorer and the API). */
package dev.herald.reports.boundary;
