package org.cmgseg.affinities;

/** Reports how far a long operation has come; front ends draw progress bars from it. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (task, done, total) -> { };

    /** Called after each unit of work, from any thread. */
    void update(String task, long done, long total);
}
