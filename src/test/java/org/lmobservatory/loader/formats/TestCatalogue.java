package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmobservatory.db.Json;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Codelists and dataset definitions built inside a test (codes taken from the file under test), defined for real. */
final class TestCatalogue {
    private TestCatalogue() {
    }

    /** Defines a codelist whose codes are their own English labels. */
    static void defineCodelist(String id, Collection<String> codes) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", id);
        root.putObject("title").put("en", id);
        ArrayNode list = root.putArray("codes");
        for (String code : codes) {
            ObjectNode c = list.addObject();
            c.put("id", code);
            c.putObject("labels").put("en", code);
        }
        TestServer.loader().define(TestServer.file(id + ".json", Json.write(root)));
    }

    /** A dataset definition file; dimensions maps dimension id → codelist id, in order. */
    static Path dataset(String id, String frequency, String unit, Map<String, String> dimensions) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", id);
        root.putObject("title").put("en", "Test dataset " + id);
        root.put("theme", "labour-market");
        root.put("frequency", frequency);
        root.putObject("unit").put("id", unit).put("decimals", 1);
        root.put("source", "Eurostat (test copy)");
        ArrayNode dims = root.putArray("dimensions");
        dimensions.forEach((dim, codelist) -> dims.addObject().put("id", dim).put("codelist", codelist));
        return TestServer.file(id + ".json", Json.write(root));
    }

    static Path dataset(String id, String frequency, List<String> dimensionIds, String codelistPrefix) throws IOException {
        Map<String, String> dims = new java.util.LinkedHashMap<>();
        for (String d : dimensionIds) dims.put(d, codelistPrefix + "-" + d.toUpperCase());
        return dataset(id, frequency, "PC", dims);
    }
}
