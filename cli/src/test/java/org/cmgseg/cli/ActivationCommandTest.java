package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationCommandTest {

    @Test
    void leafAsTanh() {
        CliRun run = CliRun.of("activation", "--name", "leaf", "--preset", "tanh", "--x=-1,0,2");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.lines();
        assertEquals(Math.tanh(-1), Double.parseDouble(lines[0]), 1e-15);
        assertEquals(0, Double.parseDouble(lines[1]), 0);
        assertEquals(Math.tanh(2), Double.parseDouble(lines[2]), 1e-15);
    }

    @Test
    void derivativeColumnsPerFunction() {
        assertEquals(6, CliRun.of("activation", "--name", "leaf", "--params", "1,0,1,0", "--x", "0.3", "--derivatives")
                .lines()[0].split(" ").length);
        assertEquals(4, CliRun.of("activation", "--name", "lau", "--x", "0.3", "--derivatives").lines()[0].split(" ").length);
        assertEquals(2, CliRun.of("activation", "--name", "molu", "--x", "0.3", "--derivatives").lines()[0].split(" ").length);
    }

    @Test
    void lauDefaultsAndJson() {
        CliRun run = CliRun.of("activation", "--name", "lau", "--x", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String prefix = "{\"activation\": \"lau\", \"params\": [1, 1], \"points\": [{\"x\": 2, \"value\": ";
        assertTrue(run.out().startsWith(prefix) && run.out().strip().endsWith("}]}"), run.out());
        double value = Double.parseDouble(run.out().strip().substring(prefix.length()).replace("}]}", ""));
        assertEquals(2 * Math.log(1 + 1 / (1 + Math.exp(-2))), value, 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "activation --name relu --x 1|unknown activation 'relu'; known: leaf, lau, molu",
        "activation --name leaf --preset elu --x 1|unknown LEAF preset 'elu'; known: relu, silu, tanh, sigmoid",
        "activation --name leaf --preset tanh --params 1,2,3,4 --x 1|either --preset or --params",
        "activation --name leaf --params 1,2 --x 1|leaf takes 4 parameters",
        "activation --name molu --params 1 --x 1|molu takes 0 parameters",
        "activation --name lau --preset relu --x 1|--preset applies to leaf only",
        "activation --name lau|Missing required option: '--x"})
    void userErrors(String argsAndMessage) {
        CliRun.assertUserError(argsAndMessage);
    }
}
