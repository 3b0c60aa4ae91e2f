/**
 * What the tests of every module share: the reference fixtures and machine requirements (skipped when absent,
 * failures under CI), fixture hashes, random arrays, finite differences, Python zarr as an independent reader,
 * captured standard output.
 */
package org.cmgseg.testkit;
