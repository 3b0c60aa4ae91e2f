package org.cmgseg.segmentation.gridsearch;

import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.affinities.source.AffinitySource;

/**
 * The CMG grid search: every curve of a {@link GridSpec} (and the untransformed baseline) soft-thresholds
 * the affinities, every merge function agglomerates the fragments over all thresholds, and every
 * result is scored against the ground truth with the CREMI metrics.
 * <p>
 * The work every curve shares is done once ({@link #prepare}): the fragments (of the untransformed
 * affinities; the steepest-ascent watershed is invariant under the monotone CMG map up to float32
 * ties), their region graph, the affinities of their boundary faces, and their contingency with the
 * ground truth. A curve then transforms only the face values, which is the same as transforming the
 * volume because the transform is elementwise. With fragments per curve, each curve instead
 * transforms the volume and makes its own fragments from it, as running the whole pipeline per curve
 * would.
 * <p>
 * {@link #run} evaluates the curves on several threads, whole curves each, and appends each finished
 * curve to results.csv at once, so an interrupted run resumes where it stopped; the files it leaves
 * do not depend on the thread count or on interruptions.
 */
public final class GridSearch {

    /** The files of a run's folder. */
    public static final String PARAMETERS_FILE = "gridsearch.json";
    public static final String RESULTS_FILE = "results.csv";
    public static final String BEST_FILE = "best.json";

    private final GridInputs inputs;
    private final GridSpec spec;
    private final RunFolder folder;
    private final RunContext context;
    private final GridVolumes volumes;
    private final FragmentBasis basis;
    private final Map<GridCurve, List<GridRow>> resumed;
    private final GridSearchTimes times;

    private GridSearch(GridInputs inputs, GridSpec spec, RunFolder folder, RunContext context, GridVolumes volumes, FragmentBasis basis,
            Map<GridCurve, List<GridRow>> resumed, GridSearchTimes times) {
        this.inputs = inputs;
        this.spec = spec;
        this.folder = folder;
        this.context = context;
        this.volumes = volumes;
        this.basis = basis;
        this.resumed = resumed;
        this.times = times;
    }

    /**
     * Checks the folder (new, or a run of the same parameters to resume), reads the volumes, makes
     * the fragments and what the curves share, and records the run's parameters in the folder. The search
     * runs with {@code context} from here to its end.
     */
    public static GridSearch prepare(GridInputs inputs, GridSpec spec, Path folder, RunContext context) throws IOException {
        RunFolder run = new RunFolder(folder, inputs, spec);
        run.checkParameters();
        GridSearchTimes times = new GridSearchTimes();
        long start = System.nanoTime();
        GridVolumes volumes = GridVolumes.read(inputs, context);
        start = times.lap("read", start);
        Fragments fragments = SegmentationPipeline.fragments(inputs.fragments(), AffinitySource.of(volumes.affinities()), context);
        if (fragments.count() == 0) {
            context.progress().warning("there are no fragments (every voxel is background), so every segmentation is all 0");
        }
        times.lap("fragments", start);
        FragmentBasis basis = FragmentBasis.build(fragments, volumes.affinities(), volumes.groundTruth().labels(), context, times);
        Map<GridCurve, List<GridRow>> resumed = run.start(summary(volumes, basis));
        return new GridSearch(inputs, spec, run, context, volumes, basis, resumed, times);
    }

    /** What the inputs gave, so that a resumed run can tell whether they are still the same. */
    private static JsonObject summary(GridVolumes volumes, FragmentBasis basis) {
        JsonObject json = new JsonObject();
        json.addProperty("shape_zyx", volumes.affinities().grid().toString());
        json.addProperty("xmin", volumes.range().min());
        json.addProperty("xmax", volumes.range().max());
        json.addProperty("labelled_voxels", volumes.groundTruth().labelledVoxels());
        json.addProperty("fragments", basis.fragments().count());
        json.addProperty("edges", basis.graph().edges());
        json.addProperty("faces", basis.faces().size());
        return json;
    }

    /** The curves of the grid not yet complete in the folder. */
    private List<GridCurve> remainingCurves() {
        return spec.curves().stream().filter(curve -> !resumed.containsKey(curve)).toList();
    }

    /**
     * Evaluates the remaining curves (reporting progress as task "curves", counting the resumed ones
     * as done), then rewrites results.csv in grid order and writes best.json. A cancelled run stops
     * within a curve; the curves finished before are in results.csv, to be resumed.
     */
    public GridResults run() throws IOException {
        List<GridCurve> todo = remainingCurves();
        Map<GridCurve, List<GridRow>> rows = new HashMap<>(resumed);
        int workers = Math.max(1, Math.min(context.threads(), todo.size()));
        RunContext inner = context.withThreads(Math.max(1, context.threads() / workers)).withProgress(Progress.NONE);
        Task task = context.task("curves", spec.curves().size());
        task.advance(resumed.size());
        long start = System.nanoTime();
        try {
            context.withThreads(workers).forEach(todo.size(), i -> {
                try {
                    GridCurve curve = todo.get(i);
                    List<GridRow> curveRows = evaluate(curve, inner);
                    folder.append(curveRows);
                    synchronized (rows) {
                        rows.put(curve, curveRows);
                    }
                    task.advance(1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        times.lap("curves", start);
        GridResults results = new GridResults(spec, rows);
        start = System.nanoTime();
        folder.finish(results);
        times.lap("write", start);
        return results;
    }

    private List<GridRow> evaluate(GridCurve curve, RunContext inner) throws IOException {
        if (curve.isBaseline()) {
            return CurveEvaluation.rows(curve, basis, basis.faces().values(), spec, times, inner);
        }
        if (inputs.fragmentsPerCurve()) {
            AffinityGraph transformed = transformed(curve, inner);
            long start = System.nanoTime();
            Fragments fragments = SegmentationPipeline.fragments(inputs.fragments(), AffinitySource.of(transformed), inner);
            times.lap("fragments", start);
            FragmentBasis own = FragmentBasis.build(fragments, transformed, volumes.groundTruth().labels(), inner, times);
            return CurveEvaluation.rows(curve, own, own.faces().values(), spec, times, inner);
        }
        long start = System.nanoTime();
        float[] values = new float[basis.faces().size()];
        new CmgTransform(curve.cmg(volumes.range()), inner.threads()).apply(basis.faces().values(), values);
        times.lap("transform", start);
        return CurveEvaluation.rows(curve, basis, values, spec, times, inner);
    }

    /** The whole affinity volume soft-thresholded with a curve. */
    private AffinityGraph transformed(GridCurve curve, RunContext inner) {
        long start = System.nanoTime();
        float[] values = new float[volumes.affinities().values().length];
        inner.checkCancelled();
        new CmgTransform(curve.cmg(volumes.range()), inner.threads()).apply(volumes.affinities().values(), values);
        times.lap("transform", start);
        return new AffinityGraph(volumes.affinities().grid(), values);
    }

    /**
     * The segmentation of one row's configuration, made again by the whole pipeline on the
     * (transformed) affinity volume with the row's threshold alone.
     */
    public SegmentationResult segmentation(GridRow row) throws IOException {
        GridCurve curve = row.curve();
        AffinityGraph affinities = curve.isBaseline() ? volumes.affinities() : transformed(curve, context);
        FragmentMethod fragments = inputs.fragmentsPerCurve() && !curve.isBaseline() ? inputs.fragments()
                : new FragmentMethod.Precomputed(basis.fragments());
        SegmentationOptions options = new SegmentationOptions(fragments, row.mergeFunction(), row.queue(), new double[] {row.threshold()});
        return SegmentationPipeline.run(affinities, options, context);
    }

    /** The number of curves that an earlier, interrupted run had completed. */
    public int resumedCurves() {
        return resumed.size();
    }

    public int fragmentCount() {
        return basis.fragments().count();
    }

    public int edges() {
        return basis.graph().edges();
    }

    public int faces() {
        return basis.faces().size();
    }

    public GridSearchTimes times() {
        return times;
    }
}
