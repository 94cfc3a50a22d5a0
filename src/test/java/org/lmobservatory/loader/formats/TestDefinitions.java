package org.lmobservatory.loader.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmobservatory.db.Json;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes codelist and dataset definition files for a test and defines them through the real loader. */
final class TestDefinitions {
    /** One code: id, labels by language (must include "en"), optional parent and level. */
    record TestCode(String id, Map<String, String> labels, String parent, String level) {
        static TestCode of(String id, String english) {
            return new TestCode(id, Map.of("en", english), null, null);
        }
    }

    /** One dataset dimension: id, its codelist, and an optional role such as "geo". */
    record TestDimension(String id, String codelist, String role) {
    }

    private TestDefinitions() {
    }

    static void codelist(String id, List<TestCode> codes) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", id);
        root.putObject("title").put("en", "Test codelist " + id);
        ArrayNode list = root.putArray("codes");
        for (TestCode c : codes) {
            ObjectNode code = list.addObject();
            code.put("id", c.id());
            if (c.parent() != null) code.put("parent", c.parent());
            if (c.level() != null) code.put("level", c.level());
            ObjectNode labels = code.putObject("labels");
            c.labels().forEach(labels::put);
        }
        define(id + ".json", root);
    }

    static void dataset(String id, String frequency, List<TestDimension> dimensions) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", id);
        root.putObject("title").put("en", "Test dataset " + id);
        root.put("theme", "labour-market");
        root.put("frequency", frequency);
        root.putObject("unit").put("id", "NR").putObject("label").put("en", "number");
        root.put("source", "test");
        ArrayNode dims = root.putArray("dimensions");
        for (TestDimension d : dimensions) {
            ObjectNode dim = dims.addObject();
            dim.put("id", d.id());
            dim.put("codelist", d.codelist());
            if (d.role() != null) dim.put("role", d.role());
            dim.putObject("label").put("en", d.id());
        }
        define(id + ".json", root);
    }

    private static void define(String name, ObjectNode root) throws IOException {
        Path file = TestServer.file(name, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        TestServer.loader().define(file);
    }
}
