package org.cmgseg.training.data;

/**
 * How training mini-batches are augmented (a random horizontal flip with probability 1/2 and a shift by up to
 * 10 % of the width and height): not at all, with one draw per image, or with one draw per mini-batch that every
 * image of it shares (as a batch-level transform on a batch tensor does, which is what the LEAF experiments use).
 */
public enum Augmentation {
    NONE,
    PER_IMAGE,
    PER_BATCH
}
