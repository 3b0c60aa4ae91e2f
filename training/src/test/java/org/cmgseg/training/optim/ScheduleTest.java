package org.cmgseg.training.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The schedules against the tabulated values and the formulas of the spec (T = floor(0.9 epochs)). */
class ScheduleTest {

    @Test
    void tabulatedValuesForOneHundredFiftyEpochs() {
        assertEquals(0.712624, Schedule.SUPRALINEAR.multiplier(67, 150), 5e-7);
        assertEquals(0.033000, Schedule.SUBLINEAR.multiplier(100, 150), 5e-7);
        assertEquals(0.266667, Schedule.LINEAR.multiplier(100, 150), 5e-7);
    }

    @Test
    void formulasOfTheSpec() {
        int epochs = 150;
        int t = 135;
        for (int e = 0; e <= epochs; e++) {
            int capped = Math.min(e, t);
            assertEquals(1 - 0.99 * capped / t, Schedule.LINEAR.multiplier(e, epochs), 1e-15, "linear " + e);
            assertEquals(Math.pow(Math.pow(0.01, 1.0 / t), capped), Schedule.SUBLINEAR.multiplier(e, epochs), 1e-14, "sublinear " + e);
            double supra = e < t ? 0.01 + 0.99 * Math.pow(1 - (double) e / t, 0.5) : 0.01;
            assertEquals(supra, Schedule.SUPRALINEAR.multiplier(e, epochs), 1e-15, "supralinear " + e);
            assertEquals(1, Schedule.NONE.multiplier(e, epochs));
        }
    }

    @Test
    void everyScheduleStartsAtOneAndEndsAtOneHundredth() {
        for (Schedule schedule : new Schedule[] {Schedule.LINEAR, Schedule.SUBLINEAR, Schedule.SUPRALINEAR}) {
            assertEquals(1, schedule.multiplier(0, 150), 1e-15, schedule.label());
            assertEquals(0.01, schedule.multiplier(135, 150), 1e-15, schedule.label());
            assertEquals(0.01, schedule.multiplier(149, 150), 1e-15, schedule.label());
        }
    }

    @Test
    void supraLinearDecaysSlowlyFirstAndSubLinearFast() {
        for (int e = 1; e < 135; e++) {
            double linear = Schedule.LINEAR.multiplier(e, 150);
            assertTrue(Schedule.SUPRALINEAR.multiplier(e, 150) > linear, "supra above linear at " + e);
            assertTrue(Schedule.SUBLINEAR.multiplier(e, 150) < linear, "sub below linear at " + e);
        }
    }

    @Test
    void shortRunsHaveAtLeastOneEpochOfDecay() {
        assertEquals(1, Schedule.LINEAR.multiplier(0, 1));
        assertEquals(0.01, Schedule.LINEAR.multiplier(1, 2), 1e-15);
    }

    @Test
    void namesParseAndUnknownOnesAreListed() {
        assertEquals(Schedule.SUPRALINEAR, Schedule.parse("supralinear"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse("cosine"));
        assertTrue(e.getMessage().contains("none, linear, sublinear, supralinear"), e.getMessage());
    }
}
