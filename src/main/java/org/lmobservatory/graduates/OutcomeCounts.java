package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.List;

/**
 * Counts per cohort × follow-up point × area (country, region, municipality, school) × field (and all fields) ×
 * sex (and both), straight from the staged microdata with GROUPING SETS, so the file is never held in memory.
 * Breakdowns are not fully crossed, because most school × field × sex cells would be too small to publish at all:
 * field × sex for countries, field for regions (both sexes), and schools and municipalities for all fields together.
 * Only cells with at least one graduate of known status are returned; {@link OutcomeGrid} adds the empty ones.
 * Next to each count, the sum of its records' keys: the cell key of the cell-key method.
 */
final class OutcomeCounts {
    /** One cell's counts and key sums, indexed by {@link Measure}. earningsMedian: lower median band of the employed. */
    record Row(int year, String months, String geo, String field, String sex, long[] counts, long[] keySums, Integer earningsMedian) {
    }

    /** The count columns, in {@link Measure} order; each has its key sum in k_&lt;column&gt;. */
    private static final List<String> COLUMNS = List.of("tracked", "employed", "education", "neet", "both", "in_field",
            "in_field_known", "earnings_known");

    private OutcomeCounts() {
    }

    static List<Row> of(Handle h, long loadId) {
        return h.attach(GraduateDao.class).outcomeCounts(loadId);
    }

    /** Maps the statement's count and k_ columns into {@link Row}'s arrays. Public: Jdbi instantiates it. */
    public static final class RowMapping implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            long[] n = new long[Measure.COUNT];
            long[] k = new long[Measure.COUNT];
            for (int i = 0; i < COLUMNS.size(); i++) {
                n[i] = rs.getLong(COLUMNS.get(i).equals("both") ? "both_" : COLUMNS.get(i));
                k[i] = rs.getLong("k_" + COLUMNS.get(i));
            }
            return new Row(rs.getInt("year"), rs.getString("months"), rs.getString("geo"), rs.getString("field"),
                    rs.getString("sex").trim(), n, k, (Integer) rs.getObject("earnings_median", Integer.class));
        }
    }
}
