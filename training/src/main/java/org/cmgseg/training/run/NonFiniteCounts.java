package org.cmgseg.training.run;

/** Non-finite events of one epoch, counted as they happen. */
final class NonFiniteCounts {
    int loss;
    int gradient;
    int parameter;
}
