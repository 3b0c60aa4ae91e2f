package org.cmgseg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunContextTest {

    @Test
    void cancellingAContextCancelsTheContextsDerivedFromItAndTheirsIt() {
        RunContext root = RunContext.of(2, Progress.NONE);
        RunContext derived = root.withThreads(1).withProgress((task, done, total) -> { });
        assertFalse(derived.isCancelled());
        derived.cancel();
        assertTrue(root.isCancelled());
        assertThrows(Cancelled.class, root::checkCancelled);
        assertFalse(RunContext.of(2, Progress.NONE).isCancelled(), "a new context is a new run");
    }

    @Test
    void anInterruptedThreadCancelsItsContext() throws Exception {
        RunContext context = RunContext.of(1, Progress.NONE);
        Future<?> run = Parallel.background(() -> {
            Thread.currentThread().interrupt();
            context.checkCancelled();
            return null;
        });
        Exception thrown = assertThrows(Exception.class, () -> run.get(5, TimeUnit.SECONDS));
        assertTrue(thrown.getCause() instanceof Cancelled, "cause: " + thrown.getCause());
        assertTrue(context.isCancelled(), "the other threads of the run see it too");
    }

    @Test
    void aParallelLoopStopsTakingPartsOnceCancelled() {
        RunContext context = RunContext.of(2, Progress.NONE);
        AtomicInteger ran = new AtomicInteger();
        assertThrows(Cancelled.class, () -> context.forEach(1000, i -> {
            sleep(1);
            if (ran.incrementAndGet() == 10) {
                context.cancel();
            }
        }));
        assertTrue(ran.get() < 20, "parts run after the cancel: " + (ran.get() - 10));
    }

    @Test
    void aFailureStopsTheOtherThreadsAndIsThrownAfterThem() {
        AtomicInteger ran = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forEach(1000, 2, i -> {
            ran.incrementAndGet();
            sleep(1); // a part of some length, as a real one: the other thread is in one when the failure comes
            if (i == 5) {
                throw new IllegalStateException("part 5");
            }
        }));
        assertEquals("part 5", thrown.getMessage());
        assertTrue(ran.get() < 20, "parts run after the failure: " + ran.get());
    }

    @Test
    void anInterruptWhileWaitingForTheHelpersEndsInCancelled() throws Exception {
        Thread caller = Thread.currentThread();
        CountDownLatch helperRunning = new CountDownLatch(1);
        // two tasks: the caller's waits for the helper's, so each thread has one
        assertThrows(Cancelled.class, () -> Parallel.forEach(2, 2, i -> {
            if (Thread.currentThread() == caller) {
                try {
                    helperRunning.await();
                } catch (InterruptedException e) {
                    caller.interrupt();
                }
            } else {
                caller.interrupt();
                helperRunning.countDown();
                sleep(300);
            }
        }));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller's caller (and cleared here)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
