/**
 * The block codecs of N5 and Zarr (raw, gzip, zlib, bzip2, xz, LZ4, Zstandard, Blosc), each compressing and
 * decompressing the bytes of one chunk; DEFLATE data (these codecs' and HDF5's) is decompressed by libdeflate
 * where the system has it.
 */
package org.cmgseg.affinities.io.codec;
