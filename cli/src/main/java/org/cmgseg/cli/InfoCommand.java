package org.cmgseg.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.UserAttributes;
import org.cmgseg.affinities.io.codec.Deflate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cmgseg info}: what a dataset or group holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show a dataset's shape, data type, blocks, compression and attributes, or list a group.",
                "Shapes are given as numpy sees them: slowest axis first, (z, y, x) or (c, z, y, x)."},
        footer = {"", "Examples:", "  cmgseg info sample.h5:/volumes/raw", "  cmgseg info predictions.n5", "  cmgseg info stack.tif --json"})
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ADDRESS", description = "PATH.n5[:/dataset], PATH.zarr[:/dataset], PATH.h5[:/dataset] or PATH.tif")
    String address;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        DatasetAddress where = DatasetAddress.parse(address);
        PrintWriter out = spec.commandLine().getOut();
        try (Container container = Containers.open(where.container(), where.format())) {
            String path = where.format() == Format.TIFF ? "" : where.dataset();
            if (!container.exists(path)) {
                throw new IOException("no group or dataset " + where.dataset() + " in " + where.container());
            }
            Json.JsonObject result = container.isDataset(path) ? dataset(where, container.open(path), UserAttributes.read(container, where))
                    : group(where, container, path);
            if (json) {
                Main.println(out, result.toString());
            } else {
                print(result, out);
            }
        }
        return 0;
    }

    private static Json.JsonObject dataset(DatasetAddress where, Dataset dataset, JsonObject attributes) {
        DatasetInfo info = dataset.info();
        Json.JsonObject result = Json.object().put("address", where.toString()).put("kind", "dataset").put("format", where.format().name())
                .put("shape", list(info.shape())).put("axes", axes(info.axes())).put("dtype", info.dataType().label())
                .put("chunks", list(java.util.Arrays.stream(info.chunks()).asLongStream().toArray()))
                .put("compression", dataset.storage());
        if (deflated(info)) {
            result.put("inflater", Deflate.inflater());
        }
        return result.put("attributes", attributes);
    }

    /** Whether the chunks are DEFLATE data (gzip or zlib, in any format), which {@link Deflate} decompresses. */
    private static boolean deflated(DatasetInfo info) {
        return info.compression().codec().equals("gzip") || info.compression().codec().equals("zlib");
    }

    private static Json.JsonObject group(DatasetAddress where, Container container, String path) throws IOException {
        List<Object> children = Json.array();
        for (String name : container.children(path)) {
            String child = path.endsWith("/") ? path + name : path + "/" + name;
            Json.JsonObject entry = Json.object().put("name", name);
            if (container.isDataset(child)) {
                DatasetInfo info = container.open(child).info();
                entry.put("kind", "dataset").put("shape", list(info.shape())).put("dtype", info.dataType().label());
            } else {
                entry.put("kind", "group");
            }
            children.add(entry);
        }
        return Json.object().put("address", where.toString()).put("kind", "group").put("format", where.format().name())
                .put("children", children).put("attributes", UserAttributes.read(container, where));
    }

    private static List<Object> list(long[] values) {
        List<Object> list = Json.array();
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    private static String axes(int rank) {
        return rank == 3 ? "z, y, x" : rank == 4 ? "c, z, y, x" : rank == 2 ? "y, x" : "";
    }

    @SuppressWarnings("unchecked")
    private static void print(Json.JsonObject result, PrintWriter out) {
        Main.println(out, result.get("address") + " (" + result.get("kind") + ", " + result.get("format") + ")");
        if ("dataset".equals(result.get("kind"))) {
            String axes = (String) result.get("axes");
            Main.println(out, "  shape        " + tuple((List<Object>) result.get("shape")) + (axes.isEmpty() ? "" : "  (" + axes + ")"));
            Main.println(out, "  data type    " + result.get("dtype"));
            Main.println(out, "  chunks       " + tuple((List<Object>) result.get("chunks")));
            Main.println(out, "  compression  " + result.get("compression")
                    + (result.get("inflater") == null ? "" : " (decompressed by " + result.get("inflater") + ")"));
        } else {
            for (Object child : (List<Object>) result.get("children")) {
                Json.JsonObject c = (Json.JsonObject) child;
                Main.println(out, String.format("  %-24s %s", c.get("name"), "dataset".equals(c.get("kind"))
                        ? "dataset " + tuple((List<Object>) c.get("shape")) + " " + c.get("dtype") : "group"));
            }
        }
        JsonObject attributes = (JsonObject) result.get("attributes");
        Main.println(out, "  attributes   " + (attributes.isEmpty() ? "none" : attributes.toString()));
    }

    private static String tuple(List<Object> values) {
        return "(" + String.join(", ", values.stream().map(Object::toString).toList()) + ")";
    }
}
