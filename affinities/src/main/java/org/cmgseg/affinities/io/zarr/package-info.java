/**
 * Zarr v2 arrays and groups, read and written from the specification (.zarray, .zattrs, chunk keys,
 * byte order, fill values), as python zarr 2.13 writes and reads them.
 */
package org.cmgseg.affinities.io.zarr;
