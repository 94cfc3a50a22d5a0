package org.lmobservatory.graduates;

import java.util.List;

/**
 * The counts behind every published graduate indicator, per cell. Each is a count of graduates, so each adds up along
 * areas, fields and sexes, and per cell tracked = employed + education - both + neet, both <= employed, education;
 * inField <= inFieldKnown <= employed; earningsKnown <= employed.
 */
enum Measure {
    TRACKED, EMPLOYED, EDUCATION, NEET, BOTH, IN_FIELD, IN_FIELD_KNOWN, EARNINGS_KNOWN;

    static final List<Measure> ALL = List.of(values());
    static final int COUNT = ALL.size();
}
