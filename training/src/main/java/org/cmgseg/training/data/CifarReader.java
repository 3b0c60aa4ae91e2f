package org.cmgseg.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The "binary version" of CIFAR-10 and CIFAR-100: records of label byte(s) followed by a 32x32
 * image as 1024 red, 1024 green and 1024 blue bytes. CIFAR-100 records hold the coarse label, then
 * the fine one; the fine labels (100 classes) are used.
 */
public final class CifarReader {

    private static final int SIDE = 32;
    private static final int IMAGE_BYTES = 3 * SIDE * SIDE;

    /** The two variants: their file names, label bytes per record and number of classes. */
    public enum Variant {
        CIFAR10("CIFAR-10", "cifar-10-batches-bin", List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin"), "test_batch.bin", 1, 10),
        CIFAR100("CIFAR-100", "cifar-100-binary", List.of("train.bin"), "test.bin", 2, 100);

        final String title;
        final String archiveFolder;
        final List<String> trainFiles;
        final String testFile;
        final int labelBytes;
        final int classes;

        Variant(String title, String archiveFolder, List<String> trainFiles, String testFile, int labelBytes, int classes) {
            this.title = title;
            this.archiveFolder = archiveFolder;
            this.trainFiles = trainFiles;
            this.testFile = testFile;
            this.labelBytes = labelBytes;
            this.classes = classes;
        }

        int recordBytes() {
            return labelBytes + IMAGE_BYTES;
        }

        String expectedFiles() {
            return String.join(", ", trainFiles) + " and " + testFile;
        }
    }

    private CifarReader() {
    }

    /** Reads the data set from a folder holding the files, or holding the folder the archive unpacks to. */
    public static ImageDataset read(Variant variant, Path folder) throws IOException {
        Path root = Files.isDirectory(folder.resolve(variant.archiveFolder)) ? folder.resolve(variant.archiveFolder) : folder;
        List<Path> trainPaths = new ArrayList<>();
        for (String name : variant.trainFiles) {
            trainPaths.add(root.resolve(name));
        }
        return new ImageDataset(variant.title, readFiles(variant, trainPaths), readFiles(variant, List.of(root.resolve(variant.testFile))));
    }

    private static ImageSet readFiles(Variant variant, List<Path> paths) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        int records = 0;
        for (Path path : paths) {
            byte[] bytes = DataFiles.readAll(path, variant.title + " binary version (" + variant.expectedFiles() + ")");
            if (bytes.length == 0 || bytes.length % variant.recordBytes() != 0) {
                throw new IOException(path + " is not in the " + variant.title + " binary format: " + bytes.length
                        + " bytes is not a whole number of " + variant.recordBytes() + "-byte records");
            }
            contents.add(bytes);
            records += bytes.length / variant.recordBytes();
        }
        byte[] pixels = new byte[records * IMAGE_BYTES];
        int[] labels = new int[records];
        int image = 0;
        for (int f = 0; f < contents.size(); f++) {
            byte[] bytes = contents.get(f);
            for (int offset = 0; offset < bytes.length; offset += variant.recordBytes(), image++) {
                int label = bytes[offset + variant.labelBytes - 1] & 0xFF;
                if (label >= variant.classes) {
                    throw new IOException(paths.get(f) + " is not in the " + variant.title + " binary format: record "
                            + offset / variant.recordBytes() + " has label " + label + ", expected 0 to " + (variant.classes - 1));
                }
                labels[image] = label;
                System.arraycopy(bytes, offset + variant.labelBytes, pixels, image * IMAGE_BYTES, IMAGE_BYTES);
            }
        }
        return new ImageSet(pixels, labels, 3, SIDE, SIDE, variant.classes);
    }
}
