package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    /** picocli formats descriptions with String.format and warns on System.err about a lone '%'. */
    @Test
    void everyHelpTextFormatsWithoutPicocliWarnings() {
        List<CommandLine> commands = new ArrayList<>();
        collect(Main.commandLine(), commands);
        assertTrue(commands.size() > 15, "commands found: " + commands.size());
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder help = new StringBuilder();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (CommandLine command : commands) {
                StringWriter text = new StringWriter();
                command.usage(new PrintWriter(text, true));
                help.append(text);
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        assertTrue(help.toString().contains("in full double precision (C's %.17g)"), "the cmg help names the format");
    }

    /** The command line built for one subcommand holds only it, and what it prints about it is what the whole one prints. */
    @Test
    void aSubcommandAloneHelpsAsInTheWholeCommandLine() {
        Map<String, CommandLine> all = Main.commandLine().getSubcommands();
        assertTrue(all.size() > 10, "subcommands: " + all.keySet());
        for (Map.Entry<String, CommandLine> entry : all.entrySet()) {
            CommandLine alone = Main.commandLine(entry.getKey(), "--help");
            assertEquals(Set.copyOf(entry.getValue().getCommandSpec().names()), alone.getSubcommands().keySet(), entry.getKey());
            assertEquals(usage(entry.getValue()), usage(alone.getSubcommands().get(entry.getKey())), entry.getKey());
        }
        assertEquals(all.keySet(), Main.commandLine("--help").getSubcommands().keySet());
        assertEquals(all.keySet(), Main.commandLine("segmnt").getSubcommands().keySet(), "an unknown name is told apart from all");
    }

    private static String usage(CommandLine command) {
        StringWriter text = new StringWriter();
        command.usage(new PrintWriter(text, true));
        return text.toString();
    }

    /** --channels takes exactly three channels; picocli's synopsis of a split array would offer more. */
    @Test
    void channelsSynopsisOffersThreeChannels() {
        for (String command : List.of("segment", "gridsearch")) {
            StringWriter text = new StringWriter();
            Main.commandLine().getSubcommands().get(command).usage(new PrintWriter(text, true));
            String help = text.toString().replaceAll("\\s+", "");
            assertTrue(help.contains("[--channels=Z,Y,X]"), help);
            assertFalse(help.contains("Z,Y,X[,Z,Y,X"), help);
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
