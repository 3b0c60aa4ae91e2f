/**
 * Image-classification data: CIFAR and (Fashion-)MNIST files as distributed, a built-in synthetic set,
 * normalised and augmented mini-batches.
 */
package org.cmgseg.training.data;
