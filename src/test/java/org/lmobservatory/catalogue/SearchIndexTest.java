package org.lmobservatory.catalogue;

import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search query can be answered from its GIN indexes (trigram and stems), as the API's role runs it. The seed's
 * search table is small enough that PostgreSQL rightly prefers to read it whole, so sequential scans are switched off
 * to ask whether the indexes serve the query at all: an operator that does not belong to the index's operator class
 * (say, pg_trgm found in another schema) would leave only a sequential scan, and this test fails.
 */
class SearchIndexTest {

    @Test
    void searchIsAnsweredFromTheTrigramAndStemIndexes() throws IOException {
        String sql;
        try (InputStream in = CatalogueDao.class.getResourceAsStream("CatalogueDao/search.sql")) {
            assertNotNull(in);
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String plan = TestServer.get().database().api().inTransaction(h -> {
            h.execute("SET LOCAL enable_seqscan = off");
            return String.join("\n", h.createQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql)
                    .bind("words", new String[]{"työttömät", "Helsinki"})
                    .mapTo(String.class).list());
        });
        System.out.println("[search plan]\n" + plan);
        assertTrue(plan.contains("dataset_search_trgm"), plan);
        assertTrue(plan.contains("dataset_search_stems"), plan);
        long rows = TestServer.get().database().api().withHandle(h ->
                h.createQuery("SELECT count(*) FROM published.dataset_search").mapTo(Long.class).one());
        System.out.println("[search rows] " + rows);
        assertTrue(rows > 0);
    }

    @Test
    void theApiRoleCannotRebuildTheSearchTable() {
        List<String> denied = TestServer.get().database().api().withHandle(h -> {
            try {
                h.createQuery("SELECT staging.refresh_dataset_search('unemployment-rate')").mapTo(Integer.class).one();
                return List.of();
            } catch (Exception e) {
                return List.of(e.getMessage());
            }
        });
        assertTrue(!denied.isEmpty() && denied.get(0).contains("permission denied"), denied.toString());
    }
}
