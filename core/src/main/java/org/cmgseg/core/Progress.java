package org.cmgseg.core;

/** Reports how far a long operation has come, and warnings about its input; front ends show them. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (task, done, total) -> { };

    /** Called after each unit of work, from any thread. */
    void update(String task, long done, long total);

    /** A problem with the input that the operation worked around (it says how). */
    default void warning(String message) {
    }
}
