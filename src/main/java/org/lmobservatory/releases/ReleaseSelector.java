package org.lmobservatory.releases;

import java.time.Instant;

/**
 * Which release a query reads: the current one (both null), a release by id (release=), or the one that was
 * current at a moment (asOf=), so a link quoted in an article keeps returning the numbers it quoted.
 */
public record ReleaseSelector(Long releaseId, Instant asOf) {
    public static final ReleaseSelector CURRENT = new ReleaseSelector(null, null);

    public boolean current() {
        return releaseId == null && asOf == null;
    }
}
