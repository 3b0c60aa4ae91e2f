package org.cmgseg.segmentation.agglomerate;

/** The queue of scored edges of an agglomeration, lowest score first (ties as the implementation orders them). */
public interface EdgeQueue {

    void push(int edge, float score);

    /** The front edge; the queue must not be empty. */
    int top();

    void pop();

    boolean isEmpty();
}
