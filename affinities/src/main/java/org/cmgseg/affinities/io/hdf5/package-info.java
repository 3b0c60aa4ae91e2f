/**
 * HDF5 files through the native library (org.bytedeco): every layout and filter it reads, chunks with
 * deflate, shuffle and h5py's LZF decoded here outside the library's lock, chunked writes under a hidden
 * name, and attributes.
 */
package org.cmgseg.affinities.io.hdf5;
