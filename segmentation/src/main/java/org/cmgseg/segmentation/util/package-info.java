/**
 * Growable primitive lists and maps (and how they grow) that the hot loops of segmentation and
 * evaluation use instead of boxed collections.
 */
package org.cmgseg.segmentation.util;
