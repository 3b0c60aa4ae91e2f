/**
 * Published experiments as protocols: which runs make up a table, with which settings, and the table
 * of their results.
 */
package org.cmgseg.training.reproduce;
