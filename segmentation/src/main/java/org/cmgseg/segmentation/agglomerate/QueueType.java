package org.cmgseg.segmentation.agglomerate;

/** A queue kind by name: {@code exact} ({@link HeapQueue}) or {@code bins:N} ({@link BinQueue}). */
public record QueueType(int bins) {

    public static final String KNOWN = "exact (a binary heap with the tie order of libstdc++, waterz discretize_queue=0) "
            + "or bins:N (N first-in-first-out bins, waterz discretize_queue=N, e.g. bins:256)";

    public static final QueueType EXACT = new QueueType(0);

    public QueueType {
        if (bins < 0 || bins > 1 << 24) {
            throw new IllegalArgumentException("a bin queue needs 1 to 16777216 bins, got " + bins);
        }
    }

    public static QueueType parse(String name) {
        String text = name.trim();
        if (text.equals("exact")) {
            return EXACT;
        }
        if (text.startsWith("bins:")) {
            try {
                int bins = Integer.parseInt(text.substring(5));
                if (bins >= 1) {
                    return new QueueType(bins);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("unknown queue '" + name + "'; known: " + KNOWN);
    }

    public EdgeQueue create(int edges) {
        return bins == 0 ? new HeapQueue(edges) : new BinQueue(bins);
    }

    /** The canonical name, which {@link #parse} reads back. */
    public String name() {
        return bins == 0 ? "exact" : "bins:" + bins;
    }

    @Override
    public String toString() {
        return name();
    }
}
