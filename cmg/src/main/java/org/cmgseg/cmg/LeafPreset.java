package org.cmgseg.cmg;

/** Initial LEAF parameters under which LEAF equals a classic activation. */
public enum LeafPreset {
    /** {@code u sigmoid(2^16 u)}: ReLU except within about 1e-4 of 0. */
    RELU(1, 0, 65536, 0),
    /** {@code u sigmoid(u)}. */
    SILU(1, 0, 1, 0),
    /** {@code 2 sigmoid(2u) - 1 = tanh(u)}. */
    TANH(0, 2, 2, -1),
    /** {@code sigmoid(u)}. */
    SIGMOID(0, 1, 1, 0);

    private final Leaf leaf;

    LeafPreset(double p1, double p2, double p3, double p4) {
        this.leaf = new Leaf(p1, p2, p3, p4);
    }

    public Leaf leaf() {
        return leaf;
    }
}
