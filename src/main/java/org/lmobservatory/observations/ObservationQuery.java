package org.lmobservatory.observations;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.releases.ReleaseSelector;
import org.lmobservatory.web.CanonicalQuery;

import java.util.List;

/**
 * A validated observation request. codeFilters holds, per dimension in dataset order, the codes asked for
 * (null = every code). page applies to paged formats (JSON) only; table says how tabular formats lay the result
 * out (ignored by the others). release says which release to read (release=, asOf=; default the current one).
 * aggregation (null: codes only) asks for groups of a grouping: the grouped dimension's codelist here then also holds
 * the group codes, and its filter lists the members.
 */
public record ObservationQuery(Dataset dataset, List<Codelist> codelists, List<List<String>> codeFilters,
                               TimeFilter time, OutputFormat format, LabelMode labels, String lang,
                               Page page, CanonicalQuery canonicalQuery, TableOptions table, ReleaseSelector release,
                               Aggregation aggregation) {

    public ObservationQuery(Dataset dataset, List<Codelist> codelists, List<List<String>> codeFilters, TimeFilter time,
                            OutputFormat format, LabelMode labels, String lang, Page page, CanonicalQuery canonicalQuery,
                            TableOptions table, ReleaseSelector release) {
        this(dataset, codelists, codeFilters, time, format, labels, lang, page, canonicalQuery, table, release, null);
    }

    /** A query of the current release. */
    public ObservationQuery(Dataset dataset, List<Codelist> codelists, List<List<String>> codeFilters, TimeFilter time,
                            OutputFormat format, LabelMode labels, String lang, Page page, CanonicalQuery canonicalQuery, TableOptions table) {
        this(dataset, codelists, codeFilters, time, format, labels, lang, page, canonicalQuery, table, ReleaseSelector.CURRENT);
    }

    /** The canonical query without the paging cursor: the identity of the whole result. */
    public CanonicalQuery canonicalWithoutCursor() {
        return canonicalQuery.without("cursor");
    }
}
