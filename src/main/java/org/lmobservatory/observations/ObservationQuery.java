package org.lmobservatory.observations;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.releases.ReleaseSelector;

import java.util.List;

/**
 * A validated observation request. codeFilters holds, per dimension in dataset order, the codes asked for
 * (null = every code). release says which release to read (release=, asOf=; default the current one).
 */
public record ObservationQuery(Dataset dataset, List<Codelist> codelists, List<List<String>> codeFilters,
                               TimeFilter time, OutputFormat format, LabelMode labels, String lang,
                               String canonicalQuery, ReleaseSelector release) {

    /** A query of the current release. */
    public ObservationQuery(Dataset dataset, List<Codelist> codelists, List<List<String>> codeFilters, TimeFilter time,
                            OutputFormat format, LabelMode labels, String lang, String canonicalQuery) {
        this(dataset, codelists, codeFilters, time, format, labels, lang, canonicalQuery, ReleaseSelector.CURRENT);
    }
}
