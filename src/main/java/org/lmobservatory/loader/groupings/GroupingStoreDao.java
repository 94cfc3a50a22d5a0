package org.lmobservatory.loader.groupings;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Versions of groupings as the loader writes them (published.grouping*); labels travel as JSON text. */
@UseClasspathSqlLocator
interface GroupingStoreDao {

    record Newest(int version, String checksum, String codelistId) {
    }

    record GroupRow(String code, String labels, LocalDate validFrom, LocalDate validTo, int sort) {
    }

    record MemberRow(String code, int groupOrder, String member, int sort) {
    }

    record TakenCode(String code, String groupingId) {
    }

    @SqlQuery
    @RegisterConstructorMapper(Newest.class)
    Optional<Newest> newest(@Bind("id") String groupingId);

    @SqlUpdate
    void insertGrouping(@Bind("id") String id, @Bind("version") int version, @Bind("codelist") String codelistId,
                        @Bind("labels") String labelsJson, @Bind("description") String descriptionJson,
                        @Bind("checksum") String checksum, @Bind("file") String fileName);

    @SqlBatch
    void insertGroups(@Bind("id") String id, @Bind("version") int version, @BindMethods List<GroupRow> groups);

    @SqlBatch
    void insertMembers(@Bind("id") String id, @Bind("version") int version, @BindMethods List<MemberRow> members);

    /** pg_notify, so the channel is a bind parameter (NOTIFY itself takes none); delivered at commit only. */
    @SqlUpdate
    void announce(@Bind("channel") String channel, @Bind("payload") String payload);

    /** Group codes of the newest versions of the other groupings over the codelist. */
    @SqlQuery
    @RegisterConstructorMapper(TakenCode.class)
    List<TakenCode> otherGroupCodes(@Bind("codelist") String codelistId, @Bind("id") String groupingId);
}
