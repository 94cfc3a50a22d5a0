package org.lmobservatory.loader;

import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.util.List;

/**
 * Tiny catalogue for loader tests: codelist TGEO (FI, FI1B, FI1C) and one-dimension datasets (geo) of any frequency,
 * each test with its own dataset id.
 */
final class LoaderFixtures {
    static final String CODELIST = """
            {"id": "TGEO", "version": "1", "title": {"en": "Test areas"}, "codes": [
              {"id": "FI", "level": "country", "labels": {"en": "Finland"}},
              {"id": "FI1B", "parent": "FI", "level": "region", "labels": {"en": "Helsinki-Uusimaa"}},
              {"id": "FI1C", "parent": "FI", "level": "region", "labels": {"en": "Southern Finland"}}
            ]}
            """;

    private static boolean codelistDefined;

    private LoaderFixtures() {
    }

    static synchronized void defineCodelist() throws Exception {
        if (codelistDefined) return;
        TestServer.loader().define(TestServer.file("TGEO.json", CODELIST));
        codelistDefined = true;
    }

    /** Defines dataset {@code id} with the single dimension geo (codelist TGEO) and the given frequency (A, Q or M). */
    static void defineDataset(String id, String frequency) throws Exception {
        defineCodelist();
        TestServer.loader().define(TestServer.file(id + ".json", """
                {"id": "%s", "title": {"en": "Loader test %s"}, "theme": "labour-market", "frequency": "%s",
                 "unit": {"id": "NR", "label": {"en": "number"}, "decimals": 2}, "source": "loader tests",
                 "dimensions": [{"id": "geo", "codelist": "TGEO", "role": "geo", "label": {"en": "Area"}}]}
                """.formatted(id, id, frequency)));
    }

    static long releaseCount(String datasetId) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT count(*) FROM published.release WHERE dataset_id = :ds")
                .bind("ds", datasetId).mapTo(Long.class).one());
    }

    static String loadStatus(long loadId) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT status FROM staging.load WHERE id = :id")
                .bind("id", loadId).mapTo(String.class).one());
    }

    static int loadErrorCount(long loadId) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT error_count FROM staging.load WHERE id = :id")
                .bind("id", loadId).mapTo(Integer.class).one());
    }

    /** The errors kept in staging.load_error, formatted as LoadError does (file:line: message), in line order. */
    static List<String> storedErrors(long loadId) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery("""
                        SELECT l.file_name, e.line_no, e.col, e.message
                        FROM staging.load_error e JOIN staging.load l ON l.id = e.load_id
                        WHERE e.load_id = :id ORDER BY e.line_no, e.message
                        """)
                .bind("id", loadId)
                .map((rs, ctx) -> new LoadError(rs.getString("file_name"), rs.getInt("line_no"), rs.getString("col"),
                        rs.getString("message")).toString())
                .list());
    }

    static long stagedRows(long loadId) {
        return TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT count(*) FROM staging.load_row WHERE load_id = :id")
                .bind("id", loadId).mapTo(Long.class).one());
    }
}
