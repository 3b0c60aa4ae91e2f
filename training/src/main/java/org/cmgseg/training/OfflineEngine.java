package org.cmgseg.training;

import java.nio.file.Path;

/**
 * DJL settings for this project: never download anything at run time (the PyTorch native library
 * comes from the pytorch-native-cpu jar on the class path), never call home, and cache the unpacked
 * native library in a known place. Must run before DJL's engine loads; settings the user made
 * (system properties, or environment variables for the cache) are kept.
 */
public final class OfflineEngine {

    private OfflineEngine() {
    }

    public static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        if (System.getenv("DJL_CACHE_DIR") == null) {
            setIfAbsent("DJL_CACHE_DIR", Path.of(System.getProperty("user.home"), ".djl.ai").toString());
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
