package org.lmobservatory.observations;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;

import java.util.List;

/**
 * A validated observation request. codeFilters holds, per dimension in dataset order, the codes asked for
 * (null = every code). table says how tabular formats lay the result out (ignored by the others).
 */
public record ObservationQuery(Dataset dataset, List<Codelist> codelists, List<List<String>> codeFilters,
                               TimeFilter time, OutputFormat format, LabelMode labels, String lang,
                               String canonicalQuery, TableOptions table) {
}
