package org.cmgseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.cmgseg.core.Cancelled;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code cmgseg} command line. */
@Command(name = "cmgseg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Neuron segmentation of EM affinity graphs with the CMG generalized logistic-logit function.")
public final class Main implements Runnable {

    private static final List<Class<?>> SUBCOMMANDS = List.of(CmgCommand.class, ActivationCommand.class, InfoCommand.class,
            ConvertCommand.class, AffinitiesCommand.class, TransformCommand.class, SynthesizeCommand.class, SegmentCommand.class,
            EvaluateCommand.class, GridSearchCommand.class, TrainCommand.class, ReproduceCommand.class, DemoCommand.class,
            BenchCommand.class);

    /** Exit code of user errors: bad options, bad values, unreadable or bad input. */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = commandLine(args);
        RunningCommand.cancelOnCtrlC(System.err);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println(OutOfMemory.message(cl.getParseResult(), cl.getErr()));
            cl.getErr().flush();
            code = USER_ERROR;
        }
        System.exit(code);
    }

    /** The configured command line with every subcommand; tests run it in-process with their own writers. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The configured command line for these arguments: when they begin with a subcommand's name, it holds only that
     * subcommand (picocli reads the options of every command it holds: building it took 0.17 s with all of them, 0.12 s
     * with one); otherwise every subcommand, for the overview, the top-level options and the message on an unknown one.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        List<Class<?>> named = SUBCOMMANDS.stream().filter(c -> args.length > 0 && names(c).contains(args[0])).toList();
        for (Class<?> subcommand : named.isEmpty() ? SUBCOMMANDS : named) {
            cl.addSubcommand(subcommand);
        }
        OptionTypes.register(cl);
        cl.setParameterExceptionHandler((e, given) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandName() + ": " + e.getMessage()
                    + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((e, failed, parseResult) -> {
            if (causedByOutOfMemory(e)) {
                failed.getErr().println(OutOfMemory.message(parseResult, failed.getErr()));
                return USER_ERROR;
            }
            if (causedBy(e, Cancelled.class)) {
                failed.getErr().println(RunningCommand.MESSAGE);
                return RunningCommand.EXIT_CODE;
            }
            if (isUserError(e)) {
                failed.getErr().println(failed.getCommandName() + ": " + e.getMessage());
                return USER_ERROR;
            }
            throw e;
        });
        return cl;
    }

    private static List<String> names(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        return causedBy(e, OutOfMemoryError.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUserError(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof UnsupportedOperationException;
    }

    /** Writes one line and flushes: commands print results as they go. */
    static void println(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"cmgseg " + (version == null ? "(development build)" : version)};
        }
    }
}
