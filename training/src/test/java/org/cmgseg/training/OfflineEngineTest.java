package org.cmgseg.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * The engine runs from the jars on the class path, offline: the tests' JVM has no network (every
 * socket goes to a proxy that is not there), so any download DJL attempted would fail the suite.
 */
class OfflineEngineTest {

    @Test
    void thePyTorchEngineLoadsOfflineFromTheClassPath() {
        OfflineEngine.configure();
        Engine engine = Engine.getInstance();
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
        assertTrue(Utils.isOfflineMode());
        assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
        assertEquals(ai.djl.Device.cpu(), engine.defaultDevice());
    }

    @Test
    void thisJvmHasNoNetwork() {
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("1.1.1.1", 443), 2000);
            }
        });
    }
}
