/**
 * N5 containers, read and written from the specification (attributes.json, block headers, compressions),
 * compatible with the Java N5 library and python zarr's N5 store.
 */
package org.cmgseg.affinities.io.n5;
