package org.cmgseg.spark;

import java.io.IOException;

/**
 * Bad input a task found: Spark reports a failed job as a {@code SparkException} (after its retries) whose causes hold
 * the task's own exception; the library's one-line {@link IllegalArgumentException}, or an {@link IOException} naming
 * file, dataset and chunk, is the message the user gets.
 */
final class UserErrors {

    private UserErrors() {
    }

    /** The first {@link IllegalArgumentException} or {@link IOException} among {@code failure} and its causes, or null. */
    static Exception find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof IOException) {
                return (Exception) t;
            }
        }
        return null;
    }
}
