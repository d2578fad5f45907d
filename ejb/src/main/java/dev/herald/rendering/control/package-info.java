/**
 * Renderers: a report's rows streamed straight into PDF, formatted or unformatted Excel, XML or CSV.
 * Each writes as rows arrive and keeps nothing but the row in hand, so memory stays flat however many
 * rows there are. The Excel and XML writers are Herald's own, small and fast; the PDF is OpenPDF's.
 */
package dev.herald.rendering.control;
