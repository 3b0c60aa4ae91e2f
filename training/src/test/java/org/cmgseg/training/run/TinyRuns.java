package org.cmgseg.training.run;

import java.util.List;
import org.cmgseg.training.data.ImageDataset;
import org.cmgseg.training.data.SyntheticImages;

/** A data set and configurations small enough for unit tests (a training epoch in well under a second). */
final class TinyRuns {

    static final ImageDataset DATA = SyntheticImages.generate(4, 1, 8, 192, 64, 1.5);

    private TinyRuns() {
    }

    static TrainingConfig.Builder config() {
        return TrainingConfig.builder().hiddenWidths(List.of(24)).batchSize(32).learningRate(0.05).epochs(2).seed(3);
    }
}
