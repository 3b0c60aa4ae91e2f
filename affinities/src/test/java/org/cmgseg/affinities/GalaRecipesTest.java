package org.cmgseg.affinities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.hdf5.Hdf5Container;
import org.cmgseg.affinities.io.n5.N5Container;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.testkit.Sha256;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recipes of the waterz reference fixtures, reproduced bit for bit on the gala volume. */
class GalaRecipesTest {

    private static Hdf5Container inputs() throws IOException {
        return Hdf5Container.open(SharedData.require("waterz-reference/gala_train_inputs.h5"));
    }

    @Test
    void affinitiesFromTheBoundaryMapAreTheStoredOnes() throws IOException {
        try (Hdf5Container h5 = inputs()) {
            Dataset boundary = h5.open("/volumes/probabilities/boundary");
            long[] shape = boundary.info().shape();
            VoxelGrid grid = VoxelGrid.ofShape(shape[0], shape[1], shape[2]);
            AffinityGraph affinities = AffinityGraph.fromBoundaryMap(grid, (float[]) boundary.readAll());
            Object stored = h5.open("/volumes/affinities").readAll();
            assertEquals(Sha256.of(stored), Sha256.of(affinities.values()));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.3, 0.5, /volumes/affinities_cmg_mu0.3_I0.5", "0.8, 0.2, /volumes/affinities_cmg_mu0.8_I0.2"})
    void softThresholdReproducesTheStoredCmgVolumes(double mu, double inflection, String stored, @TempDir Path dir) throws IOException {
        try (Hdf5Container h5 = inputs(); Container out = N5Container.openForWriting(dir.resolve("cmg.n5"))) {
            ProbabilityView affinities = ProbabilityView.of(h5.open("/volumes/affinities"), NonFinitePolicy.FAIL, "gala affinities");
            ValueRange range = affinities.scan(RunContext.of(2, Progress.NONE));
            assertEquals(new ValueRange(0, 1), range);
            DatasetInfo info = new DatasetInfo(affinities.info().dimensions(), new int[] {64, 64, 16, 1}, DataType.FLOAT32, Compression.GZIP);
            try (DatasetWriter writer = out.create("/cmg", info)) {
                long clipped = SoftThreshold.apply(affinities, writer, SoftThreshold.curve(mu, inflection, range, LogitMethod.EXACT),
                        RunContext.of(2, Progress.NONE));
                assertEquals(0, clipped);
                writer.commit();
            }
            float[] ours = (float[]) out.open("/cmg").readAll();
            float[] reference = (float[]) h5.open(stored).readAll();
            int differing = 0;
            for (int i = 0; i < ours.length; i++) {
                differing += Float.floatToRawIntBits(ours[i]) == Float.floatToRawIntBits(reference[i]) ? 0 : 1;
            }
            assertEquals(0, differing, "values differing from " + stored + " out of " + ours.length);
        }
    }
}
