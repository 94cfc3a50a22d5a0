package org.lmobservatory.sdmx;

import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;

import java.util.List;

/**
 * What one structure message holds: dataflows, data structures, the codelists they use and (concepts) the concept
 * scheme of those data structures. An empty message is never written: the routes answer 404 NoResultsFound instead.
 */
record StructureMessage(List<Dataset> dataflows, List<Dataset> dataStructures, List<Codelist> codelists, boolean concepts) {

    boolean isEmpty() {
        return dataflows.isEmpty() && dataStructures.isEmpty() && codelists.isEmpty();
    }
}
