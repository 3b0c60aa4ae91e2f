package org.cmgseg.affinities.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution and offset in each format's own axis order: (x, y, z) in N5, (z, y, x) in HDF5 and Zarr. */
class GeometryTest {

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void n5ListsTheAxesTheOtherWayRound() {
        Geometry geometry = Geometry.ofResolution(new double[] {40, 4, 2});
        assertEquals(json("{\"resolution\":[2.0,4.0,40.0],\"offset\":[0.0,0.0,0.0]}"), geometry.attributes(Format.N5));
        assertEquals(json("{\"resolution\":[40.0,4.0,2.0],\"offset\":[0.0,0.0,0.0]}"), geometry.attributes(Format.ZARR));
        assertEquals(json("{\"resolution\":[40.0,4.0,2.0],\"offset\":[0.0,0.0,0.0]}"), geometry.attributes(Format.HDF5));
        assertArrayEquals(new double[] {40, 4, 2}, geometry.resolutionZyx());
    }

    @Test
    void readFromOneFormatWrittenToAnotherKeepsTheValuesAsTheyAre() {
        JsonObject n5 = json("{\"resolution\":[4,4,40],\"offset\":[8,0,120],\"unit\":\"nm\",\"dimensions\":[1,2,3]}");
        Geometry geometry = Geometry.of(n5, Format.N5);
        assertEquals(json("{\"resolution\":[40,4,4],\"offset\":[120,0,8]}"), geometry.attributes(Format.ZARR));
        assertEquals("{\"resolution\":[40,4,4],\"offset\":[120,0,8]}", geometry.attributes(Format.HDF5).toString(),
                "integers stay integers, nothing but resolution and offset is taken");
        assertEquals(Geometry.of(geometry.attributes(Format.HDF5), Format.HDF5), geometry);
        assertArrayEquals(new double[] {40, 4, 4}, geometry.resolutionZyx());
    }

    @Test
    void otherAttributesAndOtherLengthsAreCopiedAsTheyAre() {
        JsonObject attributes = json("{\"resolution\":[4,40],\"offset\":[1,2,3],\"axes\":[\"x\",\"y\",\"z\"]}");
        assertEquals(json("{\"resolution\":[4,40],\"offset\":[3,2,1],\"axes\":[\"x\",\"y\",\"z\"]}"),
                Geometry.forFormat(attributes, Format.N5, Format.ZARR));
        assertEquals(attributes, Geometry.forFormat(attributes, Format.ZARR, Format.HDF5));
        assertNull(Geometry.of(attributes, Format.N5).resolutionZyx(), "a resolution of two values is not (z, y, x)");
        assertEquals(Geometry.NONE, Geometry.of(json("{\"unit\":\"nm\"}"), Format.HDF5));
    }

    @Test
    void aDatasetsGeometryIsReadFromItsAttributes(@TempDir Path dir) throws IOException {
        DatasetInfo info = DatasetInfo.ofShape(new long[] {2, 3, 4}, new int[] {2, 3, 4}, DataType.UINT8, Compression.RAW);
        try (Container n5 = Containers.openForWriting(dir.resolve("a.n5"), Format.N5)) {
            try (DatasetWriter writer = n5.create("/raw", info)) {
                writer.commit();
            }
            n5.setAttributes("/raw", Geometry.ofResolution(new double[] {40, 4, 2}).attributes(Format.N5));
            Geometry geometry = Geometry.read(n5, DatasetAddress.parse(dir.resolve("a.n5") + ":/raw"));
            assertArrayEquals(new double[] {40, 4, 2}, geometry.resolutionZyx());
            assertEquals(json("{\"resolution\":[40.0,4.0,2.0],\"offset\":[0.0,0.0,0.0]}"), geometry.attributes(Format.HDF5));
        }
    }
}
