package org.cmgseg.affinities.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BusyClockTest {

    /** Two spans of 60 ms that overlap by 30 ms are 90 ms busy, not 120. */
    @Test
    void overlappingSpansCountOnce() throws InterruptedException {
        BusyClock clock = new BusyClock();
        long start = System.nanoTime();
        clock.start();
        Thread.sleep(30);
        clock.start();
        Thread.sleep(30);
        clock.stop();
        Thread.sleep(30);
        clock.stop();
        double wall = (System.nanoTime() - start) * 1e-9;
        Thread.sleep(20);
        double busy = clock.seconds();
        assertTrue(busy >= 0.09 && busy <= wall, busy + " s busy within " + wall + " s");
    }
}
