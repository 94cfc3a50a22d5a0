package org.lmobservatory.catalogue;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every version of every grouping over a codelist, newest first, with its groups and members (published.grouping*). */
@UseClasspathSqlLocator
interface GroupingDao {

    record GroupingRow(String id, int version, String labels, String description, Instant loadedAt) {
    }

    record GroupRow(String groupingId, int version, int sortOrder, String code, String labels, LocalDate validFrom, LocalDate validTo) {
    }

    record MemberRow(String groupingId, int version, int groupOrder, String member) {
    }

    @SqlQuery
    @RegisterConstructorMapper(GroupingRow.class)
    List<GroupingRow> groupings(@Bind("codelist") String codelistId);

    @SqlQuery
    @RegisterConstructorMapper(GroupRow.class)
    List<GroupRow> groups(@Bind("codelist") String codelistId);

    @SqlQuery
    @RegisterConstructorMapper(MemberRow.class)
    List<MemberRow> members(@Bind("codelist") String codelistId);
}
