/**
 * Training of learnable activation functions on DJL's PyTorch engine, on the CPU and offline; this
 * package sets up the engine (no downloads, the number of threads).
 */
package org.cmgseg.training;
