package org.cmgseg.training.data;

/** A training and a test split of one image-classification data set. */
public record ImageDataset(String name, ImageSet train, ImageSet test) {

    public ImageDataset {
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()
                || train.classes() != test.classes()) {
            throw new IllegalArgumentException(name + ": training and test images differ in shape or number of classes");
        }
    }

    public int classes() {
        return train.classes();
    }
}
