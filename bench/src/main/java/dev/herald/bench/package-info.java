/**
 * Benchmarks, each beside the peer users would otherwise pick or the alternative that shows why
 * Herald does what it does. Run them with bench/run; the figures are in the README.
 */
package dev.herald.bench;
