package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;
import org.lmobservatory.disclosure.CellKeyNoise;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One salt per cohort, added to every cell key of that cohort. It is a keyed digest of the cohort's whole content
 * (the sum of its records' content hashes, so row order does not matter): a cohort loaded again unchanged keeps every
 * published value, while any added, removed or corrected record redraws the noise of every cell of its cohort. With
 * record keys alone, the cells that changed between two releases would be exactly the cells of the changed record,
 * and comparing releases would point at its school and statuses.
 */
final class CohortSalts {
    private CohortSalts() {
    }

    /** Cohort (graduation year) → salt, for every cohort in the load. */
    static Map<Integer, Long> of(Handle h, long loadId, String datasetId, CellKeyNoise keys) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        for (GraduateDao.CohortDigest c : h.attach(GraduateDao.class).cohortDigests(loadId)) {
            out.put(c.year(), keys.derivedKey(datasetId + "\u0000" + c.year() + "\u0000" + c.digest() + "\u0000" + c.records()));
        }
        return out;
    }
}
