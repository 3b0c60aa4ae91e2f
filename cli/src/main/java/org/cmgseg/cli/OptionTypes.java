package org.cmgseg.cli;

import java.util.function.Function;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.merge.MergeFunction;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/**
 * The option values parsed into library types as the command line is read, so that a bad one is a
 * usage error naming the option and the value (picocli adds the option, {@link Main} the help hint).
 */
final class OptionTypes {

    private OptionTypes() {
    }

    static void register(CommandLine commandLine) {
        commandLine.registerConverter(MergeFunction.class, parsing(MergeFunction::parse));
        commandLine.registerConverter(QueueType.class, parsing(QueueType::parse));
        commandLine.registerConverter(FragmentSource.class, parsing(FragmentSource::parse));
    }

    private static <T> ITypeConverter<T> parsing(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }
}
