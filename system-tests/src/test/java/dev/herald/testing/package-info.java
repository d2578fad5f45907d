/**
 * The test bench: one Herald on a real Payara Server and PostgreSQL, provisioned by the run command
 * itself ({@code ./herald start}), shared by every test of a run and stopped when the run ends.
 */
package dev.herald.testing;
