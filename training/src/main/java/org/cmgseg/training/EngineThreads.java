package org.cmgseg.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The number of threads PyTorch uses within one operation. Results of a run are bit for bit the same for
 * the same number of threads; a different number may split reductions differently and change the last bits.
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        OfflineEngine.configure();
        Engine.getInstance();
        JniUtils.setNumThreads(threads);
    }
}
