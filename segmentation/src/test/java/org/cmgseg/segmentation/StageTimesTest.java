package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.junit.jupiter.api.Test;

class StageTimesTest {

    /**
     * Raw slabs are read ahead on a background thread while the stages compute: the stages must still be
     * wall-clock times, each at least 0 and together no longer than the whole run, and so must reading. The
     * values are too many distinct ones for the fragments' pass to keep, so that the region graph reads them too.
     */
    @Test
    void stagesAreWallClockTimesWhenReadsOverlapThem() throws IOException {
        int sx = 100;
        int sy = 60;
        int sz = 12;
        float[] values = new float[3 * sz * sy * sx];
        Random random = new Random(7);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        Dataset slow = new SlowDataset(new ArrayDataset(new long[] {sx, sy, sz, 3}, DataType.FLOAT32, values));
        SegmentationOptions options = SegmentationOptions.of(MergeFunction.parse("mean"), new QueueType(256), 0.5)
                .withFragments(new FragmentMethod.DistanceTransform(true));
        long start = System.nanoTime();
        StageTimes times = SegmentationPipeline.run(AffinitySource.of(slow, 1), options, RunContext.of(2, Progress.NONE)).times();
        double wall = (System.nanoTime() - start) * 1e-9;
        assertTrue(times.fragments() >= sz * SlowDataset.SECONDS / 2, "the fragments stage waited for its reads: " + times);
        assertTrue(times.graph() >= 0 && times.agglomeration() >= 0, times.toString());
        assertTrue(times.fragments() + times.graph() + times.agglomeration() <= wall, times + " within " + wall + " s");
        assertTrue(times.read() >= 2 * sz * SlowDataset.SECONDS && times.read() <= wall, "fragments and graph read each slice: "
                + times + " within " + wall + " s");
    }

    /** A dataset whose every read takes a while, as a slow disk's would. */
    private record SlowDataset(Dataset dataset) implements Dataset {
        static final double SECONDS = 0.05;

        @Override
        public DatasetInfo info() {
            return dataset.info();
        }

        @Override
        public Object read(long[] offset, int[] size) throws IOException {
            try {
                Thread.sleep((long) (SECONDS * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return dataset.read(offset, size);
        }
    }
}
