package org.cmgseg.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where the images come from: {@code cifar10:DIR}, {@code cifar100:DIR}, {@code mnist:DIR}, {@code fashion-mnist:DIR} or {@code synthetic}. */
public final class DataSource {

    public static final String KNOWN = "cifar10:DIR, cifar100:DIR, mnist:DIR, fashion-mnist:DIR, synthetic";

    private DataSource() {
    }

    /** Reads the data set named by {@code spec} from a local folder (nothing is downloaded). */
    public static ImageDataset load(String spec) throws IOException {
        if (spec.equals("synthetic")) {
            return SyntheticImages.standard();
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        if (colon < 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("data '" + spec + "' needs a folder after the colon; known: " + KNOWN);
        }
        Path folder = expandHome(spec.substring(colon + 1));
        switch (kind) {
            case "cifar10":
                return CifarReader.read(CifarReader.Variant.CIFAR10, existingFolder(folder, kind));
            case "cifar100":
                return CifarReader.read(CifarReader.Variant.CIFAR100, existingFolder(folder, kind));
            case "mnist":
                return IdxReader.read("MNIST", existingFolder(folder, kind));
            case "fashion-mnist":
                return IdxReader.read("Fashion-MNIST", existingFolder(folder, kind));
            default:
                throw new IllegalArgumentException("unknown data '" + kind + "'; known: " + KNOWN);
        }
    }

    /** A leading {@code ~} is the home folder: the shell does not expand it after "cifar10:". */
    private static Path expandHome(String folder) {
        if (folder.equals("~") || folder.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), folder.substring(1));
        }
        return Path.of(folder);
    }

    private static Path existingFolder(Path folder, String kind) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "the " + kind + " data folder does not exist");
        }
        return folder;
    }
}
