package org.cmgseg.cli;

import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by commands that write a dataset: block size, compression, threads, and whether existing outputs are replaced. */
final class StorageOptions {

    /** Blocks with more elements than this are split (TIFF stacks and contiguous HDF5 have one huge block). */
    private static final long MAX_BLOCK_ELEMENTS = 1 << 21;

    @Option(names = "--block-size", paramLabel = "Z,Y,X", description = "Block (chunk) size of the output, slowest axis first "
            + "(default: the input's, or 64 per axis).")
    String blockSize;

    @Option(names = "--compression", paramLabel = "NAME[:LEVEL]", description = "Compression of the output: raw, gzip[:1-9], zlib, "
            + "bzip2, xz, lz4, zstd[:1-22], blosc[:CNAME[:LEVEL[:SHUFFLE]]] (default: gzip; HDF5 takes raw or gzip; TIFF is raw).")
    String compression;

    @Option(names = "--overwrite", description = "Replace output datasets and files that exist (default: refuse to).")
    boolean overwrite;

    @Mixin
    ThreadOptions threads;

    /** The outputs of this command, to be checked before any work starts. */
    NewOutputs outputs() {
        return new NewOutputs(overwrite);
    }

    int threads() {
        return threads.threads();
    }

    /** The command's one run context (see {@link ThreadOptions#context}). */
    RunContext context(Progress progress) {
        return threads.context(progress);
    }

    /** The storage of an output of the given dimensions and type, taking its block size from a template. */
    DatasetInfo output(long[] dimensions, DataType type, int[] templateBlock, Format format) {
        int axes = dimensions.length;
        int[] block = new int[axes];
        if (blockSize != null) {
            long[] given = Volumes.dimensionsOfShape(blockSize, Math.min(axes, 3), "--block-size");
            for (int d = 0; d < axes; d++) {
                block[d] = d < given.length ? blockLength(given[d], dimensions[d]) : 1;
            }
        } else {
            long elements = 1;
            for (int d = 0; d < axes; d++) {
                block[d] = blockLength(d < templateBlock.length ? templateBlock[d] : 1, dimensions[d]);
                elements *= block[d];
            }
            if (elements > MAX_BLOCK_ELEMENTS) {
                for (int d = 0; d < axes; d++) {
                    block[d] = blockLength(d < 3 ? 64 : 1, dimensions[d]);
                }
            }
        }
        Compression c = compression != null ? Compression.parse(compression) : format == Format.TIFF ? Compression.RAW : Compression.GZIP;
        return new DatasetInfo(dimensions, block, type, c);
    }

    /** A block length cut to the dimension, and at least 1 (a dimension may be 0). */
    private static int blockLength(long wanted, long dimension) {
        return (int) Math.max(1, Math.min(wanted, dimension));
    }
}
