package org.cmgseg.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cmgseg.affinities.io.DatasetInfo;
import picocli.CommandLine;

/**
 * The one line a command that ran out of Java heap prints: what it was doing, the heap it had, what
 * the job needs (from the memory measured per command, see the README) and how to give it more.
 */
final class OutOfMemory {

    private static final double MB = 1 << 20;

    /**
     * Java heap a command needs: a base and a part per Mvoxel of its input (z * y * x), in MB, from the
     * smallest -Xmx that sufficed for a 16.8-Mvoxel volume (README, "Memory").
     */
    private record Need(double baseMb, double mbPerMvoxel) {
        double mb(double mvoxels) {
            return baseMb + mbPerMvoxel * mvoxels;
        }
    }

    private static final Map<String, Need> NEEDS = Map.of(
            "transform", new Need(128, 1),
            "convert", new Need(128, 1),
            "affinities", new Need(128, 1),
            "segment", new Need(64, 20),
            "evaluate", new Need(64, 21),
            "gridsearch", new Need(64, 85),
            "demo", new Need(700, 0));

    /** Options that name the input whose size sets the memory a command needs. */
    private static final List<String> INPUT_OPTIONS = List.of("--affinities", "--input", "--segmentation", "--labels", "--boundary");

    private OutOfMemory() {
    }

    /**
     * The message for a command line (its parse result, null if unknown) whose command ran out of memory;
     * {@code err} is its error stream, whose progress printer tells what it was doing.
     */
    static String message(CommandLine.ParseResult parsed, PrintWriter err) {
        CommandLine.ParseResult command = parsed;
        while (command != null && command.subcommand() != null) {
            command = command.subcommand();
        }
        String name = command == null ? "cmgseg" : command.commandSpec().name();
        long heap = Runtime.getRuntime().maxMemory();
        String task = ProgressBars.lastTask(err);
        StringBuilder line = new StringBuilder(name).append(": out of memory").append(task == null ? "" : " during " + task)
                .append(String.format(Locale.ROOT, " with a Java heap of %s", size(heap / MB)));
        double needMb = 0;
        Need need = command == null ? null : NEEDS.get(name);
        if (need != null) {
            double mvoxels = name.equals("demo") ? 0 : inputMvoxels(command);
            if (mvoxels >= 0) {
                needMb = need.mb(mvoxels);
                line.append(String.format(Locale.ROOT, "; %s needs about %s", name, size(needMb)))
                        .append(mvoxels > 0 ? String.format(Locale.ROOT, " for %.1f Mvoxels", mvoxels) : "");
            }
        }
        long suggestedGb = (long) Math.ceil(Math.max(needMb * 1.25, 2 * heap / MB) / 1024);
        return line.append(": give it more with CMGSEG_JAVA_OPTS=-Xmx").append(suggestedGb).append("g").toString();
    }

    /** Voxels (z * y * x) of the command's input in millions, -1 if unknown. */
    private static double inputMvoxels(CommandLine.ParseResult command) {
        String address = null;
        for (String option : INPUT_OPTIONS) {
            if (command.hasMatchedOption(option)) {
                address = command.matchedOptionValue(option, (String) null);
                break;
            }
        }
        if (address == null && !command.matchedPositionals().isEmpty()) {
            address = command.matchedPositionals().get(0).getValue();
        }
        if (address == null) {
            return -1;
        }
        try (var open = Volumes.open(address)) {
            DatasetInfo info = open.dataset().info();
            double voxels = 1;
            for (int d = 0; d < Math.min(3, info.axes()); d++) {
                voxels *= info.dimensions()[d];
            }
            return voxels / 1e6;
        } catch (Exception | OutOfMemoryError e) {
            return -1;
        }
    }

    private static String size(double mb) {
        return mb >= 1024 ? String.format(Locale.ROOT, "%.1f GB", mb / 1024) : String.format(Locale.ROOT, "%.0f MB", mb);
    }
}
