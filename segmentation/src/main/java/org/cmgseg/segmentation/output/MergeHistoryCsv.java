package org.cmgseg.segmentation.output;

import org.cmgseg.core.ShortestDecimal;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.agglomerate.MergeHistory;

/**
 * A merge history as CSV: {@code a,b,c,score} per merge as waterz returns them (region a absorbs b,
 * forming c = a) and the first threshold whose segmentation includes the merge.
 */
public final class MergeHistoryCsv {

    public static final String HEADER = "a,b,c,score,threshold";

    private MergeHistoryCsv() {
    }

    public static String of(SegmentationResult result) {
        MergeHistory history = result.history();
        float[] levels = result.thresholds();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        int t = 0;
        for (int i = 0; i < history.size(); i++) {
            while (i >= result.mergesAt(t)) {
                t++;
            }
            String a = Long.toUnsignedString(result.label(history.u(i)));
            csv.append(a).append(',').append(Long.toUnsignedString(result.label(history.v(i)))).append(',').append(a).append(',')
                    .append(ShortestDecimal.of(history.score(i))).append(',').append(ShortestDecimal.of(levels[t])).append('\n');
        }
        return csv.toString();
    }
}
