/**
 * Demo data: a deterministic generator for the three reporting domains (venue ticketing, service
 * desk, tenant usage), so that every report and screen shows something real on the first start, and
 * a scale knob that reaches ten million rows for benchmarks.
 */
package dev.herald.demo.control;
