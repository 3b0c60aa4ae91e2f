/**
 * Optimizers written here (SGD, Adam and AdamW, RMSprop, Muon) with per-group learning rates and
 * weight decay, the parameter groups of a network, and the learning-rate schedules of the CMG paper.
 */
package org.cmgseg.training.optim;
