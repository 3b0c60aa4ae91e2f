/**
 * What every stage shares and that depends on nothing: the voxel grid and its axis convention, the
 * affinity graph in memory, the run context (threads, progress, cancellation) with its parallel loops, and the
 * memory probe that measurements use.
 */
package org.cmgseg.core;
