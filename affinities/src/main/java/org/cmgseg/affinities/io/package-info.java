/**
 * Datasets and their containers behind one interface: addresses ({@code PATH.n5:/group/dataset}),
 * metadata, region reads on several threads, writers that become visible only on commit, and the hidden
 * partial names that make writes atomic. The formats are in the sub-packages.
 */
package org.cmgseg.affinities.io;
