package org.lmobservatory.graduates;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The published graduate-outcomes values the EQAVET indicators are computed from ({@link EqavetDerivation}). */
@UseClasspathSqlLocator
interface EqavetDao {

    /** One published value with its flags and confidentiality status, as the public reads it. */
    record SourceCell(String geo, String indicator, LocalDate periodStart, BigDecimal value, String flags, String confStatus) {
    }

    /**
     * The cells of one release at one follow-up point, field and sex, for the given areas and indicators. Positions are
     * the dimensions' 1-based places in the series key.
     */
    @SqlQuery
    @RegisterConstructorMapper(SourceCell.class)
    List<SourceCell> sourceCells(@Bind("release") long releaseId, @Bind("geoAt") int geoAt, @Bind("fieldAt") int fieldAt,
                                 @Bind("sexAt") int sexAt, @Bind("monthsAt") int monthsAt, @Bind("indicatorAt") int indicatorAt,
                                 @Bind("geos") String[] geos, @Bind("field") String field, @Bind("sex") String sex,
                                 @Bind("months") String months, @Bind("indicators") String[] indicators);
}
