/**
 * How a segmentation is stored: a group with {@code fragments} and one label volume per threshold, their
 * attributes, and the merge history as CSV; written atomically, the same for every front end.
 */
package org.cmgseg.segmentation.output;
