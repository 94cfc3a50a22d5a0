package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;

/** The per-dataset secret of the cell-key method: made once, on a dataset's first graduate load, and kept in staging. */
final class DisclosureSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DisclosureSecrets() {
    }

    static byte[] of(Handle h, String datasetId) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        h.createUpdate("INSERT INTO staging.disclosure_secret (dataset_id, secret) VALUES (:ds, :secret) ON CONFLICT (dataset_id) DO NOTHING")
                .bind("ds", datasetId).bind("secret", fresh).execute();
        return h.createQuery("SELECT secret FROM staging.disclosure_secret WHERE dataset_id = :ds")
                .bind("ds", datasetId).mapTo(byte[].class).one();
    }
}
