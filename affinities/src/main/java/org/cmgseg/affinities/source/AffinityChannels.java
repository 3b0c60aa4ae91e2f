package org.cmgseg.affinities.source;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.AffinitiesView;
import org.cmgseg.affinities.io.Boxes;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;

/**
 * Three channels (z, y, x) of an affinity volume (c, z, y, x) with other channels, as segmentation
 * needs them: the channels asked for, or, when none are, those whose offsets are the nearest
 * neighbours (-1,0,0), (0,-1,0), (0,0,-1) by the volume's {@code affinity_offsets} attribute (as
 * {@code cmgseg affinities --offsets} writes it) or {@code offsets} attribute (as gunpowder and lsd do).
 */
public final class AffinityChannels implements Dataset {

    private static final String[] OFFSET_ATTRIBUTES = {"affinity_offsets", "offsets"};

    private final Dataset source;
    private final int[] channels;
    private final DatasetInfo info;

    private AffinityChannels(Dataset source, int[] channels) {
        this.source = source;
        this.channels = channels;
        DatasetInfo in = source.info();
        long[] dims = in.dimensions().clone();
        dims[3] = channels.length;
        int[] block = in.blockSize().clone();
        block[3] = 1;
        this.info = new DatasetInfo(dims, block, in.dataType(), in.compression());
    }

    /**
     * The channels {@code requested} (null: the nearest-neighbour ones if the attributes name them, saying so
     * as a warning, else the dataset as it is, which {@link AffinitySource} accepts only with 3 channels).
     */
    public static Dataset select(Containers.OpenDataset open, DatasetAddress address, int[] requested, RunContext context)
            throws IOException {
        Dataset dataset = open.dataset();
        DatasetInfo in = dataset.info();
        if (in.axes() != 4) {
            return dataset;
        }
        String where = address.toString();
        long available = in.dimensions()[3];
        if (requested != null) {
            if (requested.length != AffinityGraph.CHANNELS) {
                throw new IllegalArgumentException("--channels takes 3 channels (z, y, x), got " + requested.length);
            }
            for (int c : requested) {
                if (c < 0 || c >= available) {
                    throw new IllegalArgumentException("--channels: " + where + " has shape " + in.shapeText() + ", so no channel " + c);
                }
            }
            return new AffinityChannels(dataset, requested.clone());
        }
        if (available == AffinityGraph.CHANNELS) {
            return dataset;
        }
        JsonObject attributes = open.container().attributes(address.dataset());
        for (String name : OFFSET_ATTRIBUTES) {
            int[] nearest = nearest(attributes, name);
            if (nearest != null) {
                context.progress().warning(where + " has " + available + " channels; using channels " + nearest[0] + ", " + nearest[1] + ", "
                        + nearest[2] + " as z, y, x: its " + name + " attribute gives their offsets as (-1,0,0), (0,-1,0), (0,0,-1)");
                return new AffinityChannels(dataset, nearest);
            }
        }
        return dataset;
    }

    /** The channels of the nearest-neighbour offsets in an attribute, in z, y, x order, or null. */
    private static int[] nearest(JsonObject attributes, String name) {
        JsonElement offsets = attributes.get(name);
        if (offsets == null || !offsets.isJsonArray()) {
            return null;
        }
        int[] found = new int[AffinityGraph.CHANNELS];
        Arrays.fill(found, -1);
        JsonArray list = offsets.getAsJsonArray();
        for (int c = 0; c < list.size(); c++) {
            int[] offset = offset(list.get(c));
            for (int k = 0; k < found.length; k++) {
                if (found[k] < 0 && Arrays.equals(offset, AffinitiesView.NEAREST[k])) {
                    found[k] = c;
                }
            }
        }
        return Arrays.stream(found).allMatch(c -> c >= 0) ? found : null;
    }

    private static int[] offset(JsonElement element) {
        if (!element.isJsonArray() || element.getAsJsonArray().size() != 3) {
            return null;
        }
        int[] offset = new int[3];
        for (int d = 0; d < 3; d++) {
            JsonElement e = element.getAsJsonArray().get(d);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                return null;
            }
            offset[d] = e.getAsInt();
        }
        return offset;
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    public Object read(long[] offset, int[] size) throws IOException {
        return read(offset, size, RunContext.sequential());
    }

    /**
     * Each source chunk is read once: the selected channels that share a chunk (along c) come from one read
     * of the channels between the lowest and the highest of them.
     */
    @Override
    public Object read(long[] offset, int[] size, RunContext context) throws IOException {
        int chunkChannels = source.info().blockSize()[3];
        Object out = info.dataType().allocate(size[0] * size[1] * size[2] * size[3]);
        boolean[] done = new boolean[size[3]];
        for (int c = 0; c < size[3]; c++) {
            if (done[c]) {
                continue;
            }
            int chunk = channels[(int) offset[3] + c] / chunkChannels;
            int low = Integer.MAX_VALUE;
            int high = -1;
            for (int k = c; k < size[3]; k++) {
                int channel = channels[(int) offset[3] + k];
                if (channel / chunkChannels == chunk) {
                    low = Math.min(low, channel);
                    high = Math.max(high, channel);
                }
            }
            int[] span = {size[0], size[1], size[2], high - low + 1};
            Object read = source.read(new long[] {offset[0], offset[1], offset[2], low}, span, context);
            int[] one = {size[0], size[1], size[2], 1};
            for (int k = c; k < size[3]; k++) {
                int channel = channels[(int) offset[3] + k];
                if (channel / chunkChannels == chunk) {
                    Boxes.copy(read, span, new int[] {0, 0, 0, channel - low}, out, size, new int[] {0, 0, 0, k}, one);
                    done[k] = true;
                }
            }
        }
        return out;
    }
}
