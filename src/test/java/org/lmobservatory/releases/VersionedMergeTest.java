package org.lmobservatory.releases;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lmobservatory.releases.ReleaseCells.owner;
import static org.lmobservatory.releases.ReleaseCells.served;
import static org.lmobservatory.releases.ReleaseCells.with;
import static org.lmobservatory.releases.ReleaseCells.without;
import static org.lmobservatory.releases.ReleaseCells.written;

/**
 * The merge's one-pass write (ReleaseRowsDao/mergeChanged.sql) and what it derives instead of reading the release
 * (bench/VERSIONED.md run 4): row counts and period bounds from the base release's plus the change, the series list
 * without a probe when nothing was deleted. Each release is checked against the cells the API serves for it: deletes at
 * and inside the bounds, a cell deleted and sent again, a wildcard delete followed by the same cell, and merges after a
 * rollback that revise, delete or wildcard-delete cells the rebase wrote again as the merge's own versions.
 */
class VersionedMergeTest {

    @Test
    void mergesKeepCellsCountsBoundsAndSeriesExact() throws Exception {
        String id = Embargoes.uniqueId("t-vmerge");
        long r1 = TestServer.publish(id, Embargoes.definition(id, "Versioned merge"), TestServer.file("vm1.csv",
                "geo,time,value\nFI1B,2020,1\nFI1B,2023,2\nFI1C,2021,3\nFI19,2023,4\n"));
        Map<String, String> c1 = Map.of("FI1B|2020", "1", "FI1B|2023", "2", "FI1C|2021", "3", "FI19|2023", "4");
        assertRelease(id, r1, c1);

        // A revision inside the bounds and a new cell past the upper one: the bounds come from r1's and the change's.
        long r2 = merge(id, "R,FI1C,2021,30", "I,FI197,2025,7");
        Map<String, String> c2 = cells("FI1B|2020", "1", "FI1B|2023", "2", "FI1C|2021", "30", "FI19|2023", "4", "FI197|2025", "7");
        assertRelease(id, r2, c2);
        assertEquals(List.of(2L, 1L), written(id, r2));

        // A delete at the lower bound: the bounds are read again.
        long r3 = merge(id, "D,FI1B,2020,");
        Map<String, String> c3 = without(c2, "FI1B|2020");
        assertRelease(id, r3, c3);

        // A cell deleted and sent again unchanged writes nothing; a delete inside the bounds keeps them, and the series
        // it empties (FI1B) leaves the release's series.
        long r4 = merge(id, "D,FI19,2023,", "I,FI19,2023,4", "D,FI1B,2023,");
        Map<String, String> c4 = without(c3, "FI1B|2023");
        assertRelease(id, r4, c4);
        assertEquals(List.of(0L, 1L), written(id, r4));

        // A wildcard delete (a whole series) with the same cell sent again, and a new cell below the lower bound.
        long r5 = merge(id, "D,FI197,,", "I,FI197,2025,7", "I,FI1B,2019,5");
        Map<String, String> c5 = cells("FI1C|2021", "30", "FI19|2023", "4", "FI197|2025", "7", "FI1B|2019", "5");
        assertRelease(id, r5, c5);

        // After a rollback to r2 the merge starts from r2; its delete at the upper bound makes the bounds read again.
        new Rollback(TestDatabase.get().owner()).rollback(id, r2);
        TestServer.awaitRelease(id, r2);
        long r6 = merge(id, "D,FI197,2025,", "R,FI1B,2020,10");
        Map<String, String> c6 = without(with(c2, "FI1B|2020", "10"), "FI197|2025");
        assertRelease(id, r6, c6);

        // After a rollback to r4 the rebase writes FI197|2025 again as the merge's own version; a wildcard delete of the
        // series then removes that version instead of closing it where it starts.
        new Rollback(TestDatabase.get().owner()).rollback(id, r4);
        TestServer.awaitRelease(id, r4);
        long r7 = merge(id, "D,FI197,,");
        Map<String, String> c7 = without(c4, "FI197|2025");
        assertRelease(id, r7, c7);
        assertEquals(0L, owner("SELECT count(*) FROM published.observation WHERE first_release = :r", r7));

        // Every earlier release still answers with its own cells.
        for (var e : Map.of(r1, c1, r2, c2, r3, c3, r4, c4, r5, c5, r6, c6).entrySet()) assertRelease(id, e.getKey(), e.getValue());
    }

    /** A merge (SDMX-CSV with ACTION) of the given "ACTION,geo,time,value" lines, published at once. */
    private static long merge(String id, String... lines) throws Exception {
        StringBuilder csv = new StringBuilder("STRUCTURE,STRUCTURE_ID,ACTION,geo,TIME_PERIOD,OBS_VALUE\n");
        for (String line : lines) csv.append("dataflow,LMO:").append(id).append("(1.0),").append(line).append('\n');
        return TestServer.publishLoad(id, Embargoes.load(id, csv.toString()));
    }

    /** The served cells, and the release's row count, period bounds and series as stored, all agree with the expected cells. */
    private static void assertRelease(String id, long release, Map<String, String> expected) {
        assertEquals(new TreeMap<>(expected), served(id, release), "cells of release " + release);
        List<String> times = new ArrayList<>();
        List<String> geos = new ArrayList<>();
        for (String key : expected.keySet()) {
            geos.add(key.split("\\|")[0]);
            times.add(key.split("\\|")[1]);
        }
        times.sort(null);
        List<Object> stored = TestDatabase.get().owner().withHandle(h -> h.createQuery("""
                        SELECT r.row_count, extract(year FROM r.period_min)::int::text, extract(year FROM r.period_max)::int::text,
                               (SELECT count(*) FROM published.release_series rs WHERE rs.release_id = r.id)
                        FROM published.release r WHERE r.id = :r""")
                .bind("r", release).map((rs, ctx) -> List.<Object>of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).one());
        assertEquals(List.of((long) expected.size(), times.get(0), times.get(times.size() - 1), geos.stream().distinct().count()),
                stored, "row count, period bounds and series of release " + release);
    }

    private static Map<String, String> cells(String... keyValues) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) out.put(keyValues[i], keyValues[i + 1]);
        return out;
    }
}
