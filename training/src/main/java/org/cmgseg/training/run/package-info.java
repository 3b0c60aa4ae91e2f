/**
 * One training run: the network with its loss and optimizers, epochs with their metrics and
 * non-finite events, evaluation, and checkpoints from which a run resumes bit for bit.
 */
package org.cmgseg.training.run;
