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
        DisclosureSecretDao secrets = h.attach(DisclosureSecretDao.class);
        secrets.insertIfAbsent(datasetId, fresh);
        return secrets.secret(datasetId);
    }
}
