package org.lmobservatory.graduates;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The codelists a graduate file is checked against: territorial codes (GEO), fields (the dataset's field codelist)
 * and ISCED levels (optional).
 */
record ReferenceCodes(Codelist geo, Codelist fields, Optional<Codelist> iscedLevels) {

    /** The chain from a code up to its root, the code first. */
    List<String> ancestry(String geoCode) {
        List<String> out = new ArrayList<>();
        for (String c = geoCode; c != null; c = geo.code(c).map(Code::parent).orElse(null)) out.add(c);
        return out;
    }

    static String hint(Codelist list, String wrong) {
        List<String> close = list.suggest(wrong);
        return close.isEmpty() ? "" : " (did you mean " + Codelist.orList(close) + "?)";
    }
}
