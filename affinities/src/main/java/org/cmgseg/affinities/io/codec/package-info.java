/**
 * The block codecs of N5 and Zarr (raw, gzip, zlib, bzip2, xz, LZ4, Zstandard, Blosc), each compressing and
 * decompressing the bytes of one chunk.
 */
package org.cmgseg.affinities.io.codec;
