package org.cmgseg.core;

/** Thrown by a long operation that stopped because its {@link RunContext} was cancelled or its thread interrupted. */
public final class Cancelled extends RuntimeException {

    public Cancelled() {
        super("cancelled");
    }
}
