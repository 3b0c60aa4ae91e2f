package org.cmgseg.training.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmgseg.training.optim.Optimizer;

/**
 * The checkpoint file: a header, the settings of the run (which a resumed run must match, with
 * few exceptions), the
 * metrics of the epochs done, every parameter (by name, with its shape) and every optimizer's step
 * count and state arrays. Big-endian, float32 arrays; restoring writes into the existing arrays.
 */
final class CheckpointFormat {

    private static final String MAGIC = "cmgseg training checkpoint";
    private static final int VERSION = 1;

    private CheckpointFormat() {
    }

    static void write(OutputStream stream, Map<String, String> settings, PairList<String, Parameter> parameters,
            List<Optimizer> optimizers, List<EpochMetrics> history) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(settings.size());
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            out.writeUTF(setting.getKey());
            out.writeUTF(setting.getValue());
        }
        out.writeInt(history.size());
        for (EpochMetrics m : history) {
            writeMetrics(out, m);
        }
        out.writeInt(parameters.size());
        for (Pair<String, Parameter> parameter : parameters) {
            out.writeUTF(parameter.getKey());
            writeArray(out, parameter.getValue().getArray());
        }
        out.writeInt(optimizers.size());
        for (Optimizer optimizer : optimizers) {
            out.writeLong(optimizer.stepCount());
            out.writeInt(optimizer.stateArrays().size());
            for (NDArray state : optimizer.stateArrays()) {
                writeArray(out, state);
            }
        }
        out.flush();
    }

    /**
     * Restores parameters, optimizer state and history. The settings must equal {@code expected},
     * except those named in {@code adjustable}.
     */
    static void read(InputStream stream, Map<String, String> expected, Set<String> adjustable,
            PairList<String, Parameter> parameters, List<Optimizer> optimizers, List<EpochMetrics> history) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        String magic;
        try {
            magic = in.readUTF();
        } catch (IOException e) {
            magic = "";
        }
        if (!magic.equals(MAGIC)) {
            throw new IOException("not a cmgseg training checkpoint");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("checkpoint format version " + version + ", this program reads version " + VERSION);
        }
        int settingCount = in.readInt();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < settingCount; i++) {
            String key = in.readUTF();
            String value = in.readUTF();
            if (!value.equals(expected.get(key)) && !adjustable.contains(key)) {
                differences.add(key + " " + value + " (now " + expected.get(key) + ")");
            }
        }
        if (!differences.isEmpty() || settingCount != expected.size()) {
            throw new IllegalArgumentException("the checkpoint was written with different settings: "
                    + (differences.isEmpty() ? "other setting names" : String.join(", ", differences)));
        }
        List<EpochMetrics> restored = new ArrayList<>();
        int epochs = in.readInt();
        for (int i = 0; i < epochs; i++) {
            restored.add(readMetrics(in));
        }
        int parameterCount = in.readInt();
        if (parameterCount != parameters.size()) {
            throw new IOException("the checkpoint holds " + parameterCount + " parameters, the network has " + parameters.size());
        }
        for (Pair<String, Parameter> parameter : parameters) {
            String name = in.readUTF();
            if (!name.equals(parameter.getKey())) {
                throw new IOException("the checkpoint holds parameter " + name + " where the network has " + parameter.getKey());
            }
            readInto(in, parameter.getValue().getArray(), name);
        }
        int optimizerCount = in.readInt();
        if (optimizerCount != optimizers.size()) {
            throw new IOException("the checkpoint holds " + optimizerCount + " optimizers, the run has " + optimizers.size());
        }
        for (Optimizer optimizer : optimizers) {
            long steps = in.readLong();
            int states = in.readInt();
            if (states != optimizer.stateArrays().size()) {
                throw new IOException("the checkpoint holds " + states + " optimizer state arrays, the optimizer has "
                        + optimizer.stateArrays().size());
            }
            for (NDArray state : optimizer.stateArrays()) {
                readInto(in, state, "optimizer state");
            }
            optimizer.restoreStepCount(steps);
        }
        history.clear();
        history.addAll(restored);
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        long[] shape = array.getShape().getShape();
        out.writeInt(shape.length);
        for (long dimension : shape) {
            out.writeLong(dimension);
        }
        for (float v : array.toFloatArray()) {
            out.writeFloat(v);
        }
    }

    private static void readInto(DataInputStream in, NDArray array, String name) throws IOException {
        long[] shape = new long[in.readInt()];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = in.readLong();
        }
        if (!new Shape(shape).equals(array.getShape())) {
            throw new IOException("the checkpoint's " + name + " has shape " + new Shape(shape) + ", the network's "
                    + array.getShape());
        }
        float[] values = new float[Math.toIntExact(array.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        array.set(values);
    }

    private static void writeMetrics(DataOutputStream out, EpochMetrics m) throws IOException {
        out.writeInt(m.epoch());
        for (double v : new double[] {m.learningRateMultiplier(), m.trainLoss(), m.testLoss(), m.testTop1(), m.testTopK(),
                m.bestTop1(), m.aae(), m.trainSeconds(), m.seconds()}) {
            out.writeDouble(v);
        }
        out.writeInt(m.nonFiniteLoss());
        out.writeInt(m.nonFiniteGradient());
        out.writeInt(m.nonFiniteParameter());
        out.writeLong(m.peakHeapBytes());
        out.writeLong(m.peakResidentBytes());
    }

    private static EpochMetrics readMetrics(DataInputStream in) throws IOException {
        int epoch = in.readInt();
        double[] v = new double[9];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        int loss = in.readInt();
        int gradient = in.readInt();
        int parameter = in.readInt();
        return new EpochMetrics(epoch, v[0], v[1], v[2], v[3], v[4], v[5], v[6], loss, gradient, parameter, v[7], v[8],
                in.readLong(), in.readLong());
    }
}
