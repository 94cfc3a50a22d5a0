package org.lmobservatory.sdmx;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The agencyID/resourceID/version of an SDMX 2.1 structure query: each "all" (agency, id; version also "latest") or
 * values joined by "+". Every artefact here is LMO's, version 1.0, so a selector either picks ours by id or none.
 */
record ArtefactSelector(String agency, String id, String version) {

    static ArtefactSelector of(String agency, String id, String version) {
        return new ArtefactSelector(agency == null ? "all" : agency, id == null ? "all" : id, version == null ? "latest" : version);
    }

    /** Whether the selector can match anything of ours at all (agency and version). */
    boolean ours() {
        return matchesAgency(agency) && matchesVersion(version);
    }

    Predicate<String> ids() {
        if (id.equals("all")) return i -> true;
        var wanted = Arrays.asList(id.split("\\+"));
        return wanted::contains;
    }

    static boolean matchesAgency(String agency) {
        return agency.equals("all") || agency.equals("*") || Arrays.asList(agency.split("\\+")).contains(SdmxIds.AGENCY);
    }

    static boolean matchesVersion(String version) {
        return version.equals("all") || version.equals("latest") || version.equals("*") || version.equals("+")
                || Arrays.asList(version.split("\\+")).contains(SdmxIds.VERSION);
    }
}
