package org.cmgseg.segmentation.gridsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.cmg.CmgTransform;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.Task;
import org.cmgseg.segmentation.SegmentationOptions;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.fragments.Fragments;
import org.cmgseg.segmentation.merge.MergeFunction;

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
 * {@link #run} evaluates the curves on several threads, whole curves each, and hands each finished
 * curve to the {@link GridSink} (a run folder appends it to results.csv, so an interrupted run
 * resumes where it stopped); the rows do not depend on the thread count or on interruptions.
 */
public final class GridSearch {

    /** The files of a run's folder. */
    public static final String PARAMETERS_FILE = "gridsearch.json";
    public static final String RESULTS_FILE = "results.csv";
    public static final String BEST_FILE = "best.json";

    private final GridVolumes volumes;
    private final GridFragments fragments;
    private final GridSpec spec;
    private final GridSink sink;
    private final RunContext context;
    private final FragmentBasis basis;
    private final GridSummary summary;
    private final Map<GridCurve, List<GridRow>> resumed;
    private final GridSearchTimes times;

    private GridSearch(GridVolumes volumes, GridFragments fragments, GridSpec spec, GridSink sink, RunContext context,
            FragmentBasis basis, GridSummary summary, Map<GridCurve, List<GridRow>> resumed, GridSearchTimes times) {
        this.volumes = volumes;
        this.fragments = fragments;
        this.spec = spec;
        this.sink = sink;
        this.context = context;
        this.basis = basis;
        this.summary = summary;
        this.resumed = resumed;
        this.times = times;
    }

    /**
     * A grid search of volumes in memory: makes the fragments and what the curves share, and starts
     * the sink ({@link GridSink#NONE} to keep nothing), which may hand back curves already done.
     */
    public static GridSearch prepare(GridVolumes volumes, GridFragments fragments, GridSpec spec, GridSink sink, RunContext context)
            throws IOException {
        return prepare(volumes, fragments, spec, sink, context, new GridSearchTimes());
    }

    /**
     * A grid search of datasets, run in a folder: checks the folder (new, or a run of the same
     * parameters to resume), reads the volumes, and prepares the search with the folder as its sink.
     */
    public static GridSearch prepare(GridInputs inputs, GridSpec spec, Path folder, RunContext context) throws IOException {
        RunFolder run = new RunFolder(folder, inputs.toJson(), spec);
        run.checkParameters();
        GridSearchTimes times = new GridSearchTimes();
        long start = System.nanoTime();
        GridVolumes volumes = GridVolumes.read(inputs, context);
        times.lap("read", start);
        return prepare(volumes, inputs.gridFragments(), spec, run, context, times);
    }

    /**
     * A grid search of volumes in memory run in a folder as {@link #prepare(GridInputs, GridSpec, Path, RunContext)}
     * runs one (the same files, the same resuming), the volumes identified by the SHA-256 of their values
     * ({@link InMemoryInputs}): a folder of other volumes or parameters is refused before any work.
     */
    public static GridSearch prepare(GridVolumes volumes, GridFragments fragments, GridSpec spec, Path folder, RunContext context)
            throws IOException {
        RunFolder run = new RunFolder(folder, InMemoryInputs.toJson(volumes, fragments), spec);
        run.checkParameters();
        return prepare(volumes, fragments, spec, run, context, new GridSearchTimes());
    }

    private static GridSearch prepare(GridVolumes volumes, GridFragments fragments, GridSpec spec, GridSink sink, RunContext context,
            GridSearchTimes times) throws IOException {
        long start = System.nanoTime();
        Fragments shared = SegmentationPipeline.fragments(fragments.method(), AffinitySource.of(volumes.affinities()), context);
        if (shared.count() == 0) {
            context.progress().warning("there are no fragments (every voxel is background), so every segmentation is all 0");
        }
        times.lap("fragments", start);
        FragmentBasis basis = FragmentBasis.build(shared, volumes.affinities(), volumes.groundTruth().labels(), context, times);
        GridSummary summary = new GridSummary(volumes.affinities().grid(), volumes.range().min(), volumes.range().max(),
                volumes.groundTruth().labelledVoxels(), shared.count(), basis.graph().edges(), basis.faces().size());
        Map<GridCurve, List<GridRow>> resumed = sink.start(summary);
        return new GridSearch(volumes, fragments, spec, sink, context, basis, summary, resumed, times);
    }

    /** The curves of the grid not yet complete in the sink. */
    private List<GridCurve> remainingCurves() {
        return spec.curves().stream().filter(curve -> !resumed.containsKey(curve)).toList();
    }

    /**
     * Evaluates the remaining curves (reporting progress as task "curves", counting the resumed ones
     * as done), hands every row to the sink, and returns them. A cancelled run stops within a curve; the
     * curves finished before it are the sink's, to be resumed.
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
                    sink.curveDone(curveRows);
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
        sink.finish(results);
        times.lap("write", start);
        return results;
    }

    private List<GridRow> evaluate(GridCurve curve, RunContext inner) throws IOException {
        if (curve.isBaseline()) {
            return CurveEvaluation.rows(curve, basis, basis.faces().values(), spec, inner, times);
        }
        if (fragments.perCurve()) {
            AffinityGraph transformed = transformed(curve, inner);
            long start = System.nanoTime();
            Fragments own = SegmentationPipeline.fragments(fragments.method(), AffinitySource.of(transformed), inner);
            times.lap("fragments", start);
            FragmentBasis ownBasis = FragmentBasis.build(own, transformed, volumes.groundTruth().labels(), inner, times);
            return CurveEvaluation.rows(curve, ownBasis, ownBasis.faces().values(), spec, inner, times);
        }
        long start = System.nanoTime();
        float[] values = new float[basis.faces().size()];
        new CmgTransform(curve.cmg(volumes.range()), inner.threads()).apply(basis.faces().values(), values);
        times.lap("transform", start);
        return CurveEvaluation.rows(curve, basis, values, spec, inner, times);
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
        FragmentMethod method = fragments.perCurve() && !curve.isBaseline() ? fragments.method()
                : new FragmentMethod.Precomputed(basis.fragments());
        SegmentationOptions options = new SegmentationOptions(method, MergeFunction.parse(row.mergeFunction()),
                QueueType.parse(row.queue()), new double[] {row.threshold()}, false);
        return SegmentationPipeline.run(affinities, options, context);
    }

    /** The number of curves that the sink held complete from an earlier, interrupted run. */
    public int resumedCurves() {
        return resumed.size();
    }

    /** What the inputs gave: fragments, edges, boundary faces, value range. */
    public GridSummary summary() {
        return summary;
    }

    /** Where the search spent its time so far. */
    public GridSearchTimes times() {
        return times;
    }
}
