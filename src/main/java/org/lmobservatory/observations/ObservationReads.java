package org.lmobservatory.observations;

import org.lmobservatory.db.NamedSql;
import org.lmobservatory.db.SqlJdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The two reads behind every plain observation answer — the series of a release that match the filters, then their
 * cells — run with plain JDBC. They are the uncached path of issue 16: attaching {@link ObservationDao} and Jdbi's
 * statement setup cost more CPU per answer than the driver and the JSON together (JFR: 47 % of the server's samples
 * against 7 % in the driver). The rarer reads (every series a dataset had, changed cells, group aggregates) stay in
 * {@link ObservationDao}.
 */
final class ObservationReads {
    private static final String MATCHING_SERIES = NamedSql.file(ObservationReads.class, "matchingSeries");
    private static final NamedSql CELLS = NamedSql.of(NamedSql.file(ObservationReads.class, "cells"));
    /** Rows fetched per round trip when the cells stream from a cursor (in a transaction); as ObservationDao's streams. */
    private static final int FETCH_SIZE = 5_000;

    private ObservationReads() {
    }

    /** filters: conditions on s.key built from positions and parameter names only (see ObservationRepository). */
    @SqlJdbc
    static List<ObservationDao.SeriesRow> matchingSeries(Connection connection, long releaseId, String filters,
                                                         Map<String, String[]> codes) {
        NamedSql sql = NamedSql.of(NamedSql.define(MATCHING_SERIES, Map.of("filters", filters)));
        Map<String, Object> values = new HashMap<>(codes);
        values.put("release", releaseId);
        try (PreparedStatement statement = sql.prepare(connection, values); ResultSet rs = statement.executeQuery()) {
            List<ObservationDao.SeriesRow> out = new ArrayList<>();
            while (rs.next()) out.add(new ObservationDao.SeriesRow(rs.getLong(1), (String[]) rs.getArray(2).getArray()));
            return out;
        } catch (SQLException e) {
            throw new DatabaseReadFailed(e);
        }
    }

    /** Streams, as a whole dataset can be asked for; closing the stream closes the statement. */
    @SqlJdbc
    static Stream<ObservationDao.CellRow> cells(Connection connection, long[] seriesIds, long releaseId, LocalDate from,
                                                LocalDate toExclusive, LocalDate afterPeriod, long maxRows) {
        PreparedStatement statement = null;
        try {
            statement = CELLS.prepare(connection, Map.of("ids", seriesIds, "release", releaseId, "from", from,
                    "to", toExclusive, "after", afterPeriod, "max", maxRows));
            statement.setFetchSize(FETCH_SIZE);
            ResultSet rs = statement.executeQuery();
            PreparedStatement open = statement;
            return StreamSupport.stream(new CellSpliterator(rs), false).onClose(() -> close(open));
        } catch (SQLException | RuntimeException e) {
            if (statement != null) close(statement);
            if (e instanceof SQLException sql) throw new DatabaseReadFailed(sql);
            throw (RuntimeException) e;
        }
    }

    private static void close(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            throw new DatabaseReadFailed(e);
        }
    }

    private static final class CellSpliterator extends Spliterators.AbstractSpliterator<ObservationDao.CellRow> {
        private final ResultSet rs;

        CellSpliterator(ResultSet rs) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.rs = rs;
        }

        @Override
        public boolean tryAdvance(Consumer<? super ObservationDao.CellRow> action) {
            try {
                if (!rs.next()) return false;
                action.accept(new ObservationDao.CellRow(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getString(4), rs.getString(5)));
                return true;
            } catch (SQLException e) {
                throw new DatabaseReadFailed(e);
            }
        }
    }

    /** A failure while rows stream: unchecked, with the driver's exception (and its SQLSTATE) as the cause for DatabaseErrors. */
    static final class DatabaseReadFailed extends RuntimeException {
        DatabaseReadFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
