/**
 * The networks of the experiments (the CMG paper's MLP, LeNet-5, KerasNet), built from a specification
 * of their activation and input modulator.
 */
package org.cmgseg.training.model;
