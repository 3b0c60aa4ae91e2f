/**
 * The {@code cmgseg} command line (picocli): one class per command, which parses options, checks outputs
 * before any work, wires library calls and prints; plus progress on standard error, plots and the child JVMs of
 * the benchmarks.
 */
package org.cmgseg.cli;
