package org.lmobservatory.releases;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.lmobservatory.disclosure.AuditEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dataset's releases (published.release), which one is current (published.dataset.current_release_id), since
 * when each was current (published.release_activation) and its disclosure audit (published.release_disclosure).
 * Attach it to the caller's handle ({@code h.attach}) when the release and what is read after it must belong to one
 * snapshot or one transaction; {@code jdbi.onDemand} when a single read stands alone.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(Release.class)
public interface ReleaseDao {

    /** One line of a release's disclosure audit, with the release it belongs to. */
    record AuditRow(long releaseId, String rule, Integer threshold, long cells) {
    }

    @SqlQuery
    Optional<Release> current(@Bind("id") String datasetId);

    /** Newest first. */
    @SqlQuery
    List<Release> list(@Bind("id") String datasetId);

    @SqlQuery
    Optional<Release> byId(@Bind("ds") String datasetId, @Bind("id") long releaseId);

    /** A published or a scheduled release: for pre-release access (Embargo), through the owner's connection only. */
    @SqlQuery
    Optional<Release> byIdUnderEmbargo(@Bind("ds") String datasetId, @Bind("id") long releaseId);

    @SqlQuery
    Optional<Release> activeAtTime(@Bind("ds") String datasetId, @Bind("t") OffsetDateTime moment);

    /** The release that was current at the moment: the last publish or rollback at or before it. */
    default Optional<Release> activeAt(String datasetId, Instant moment) {
        return activeAtTime(datasetId, OffsetDateTime.ofInstant(moment, ZoneOffset.UTC));
    }

    @SqlQuery
    List<Long> ids(@Bind("ds") String datasetId);

    @SqlQuery
    Optional<Long> currentId(@Bind("ds") String datasetId);

    @SqlQuery
    @RegisterConstructorMapper(AuditRow.class)
    List<AuditRow> auditRows(@Bind("ids") Long[] releaseIds);

    /** Disclosure audit lines per release (releases published without disclosure control have none). */
    default Map<Long, List<AuditEntry>> audit(Collection<Long> releaseIds) {
        Map<Long, List<AuditEntry>> out = new HashMap<>();
        if (releaseIds.isEmpty()) return out;
        for (AuditRow r : auditRows(releaseIds.toArray(Long[]::new))) {
            out.computeIfAbsent(r.releaseId(), k -> new ArrayList<>()).add(new AuditEntry(r.rule(), r.threshold(), r.cells()));
        }
        return out;
    }

    default List<AuditEntry> audit(long releaseId) {
        return audit(List.of(releaseId)).getOrDefault(releaseId, List.of());
    }

    /** A new release with its row count and period bounds known up front (a full replace); returns its id. */
    @SqlQuery
    long insert(@Bind("ds") String datasetId, @Bind("rows") long rows, @Bind("checksum") String checksum,
                @Bind("file") String file, @Bind("note") String note, @Bind("lo") LocalDate periodMin,
                @Bind("hi") LocalDate periodMax);

    /** A new release whose rows are counted after they are copied (a merge, see {@link #countRows}); returns its id. */
    @SqlQuery
    long insertEmpty(@Bind("ds") String datasetId, @Bind("checksum") String checksum, @Bind("file") String file,
                     @Bind("note") String note);

    /** Row count and period bounds from the release's own rows. */
    @SqlUpdate
    void countRows(@Bind("release") long releaseId, @Bind("rows") long rows);

    /** Row count and period bounds known without reading the release's rows (a merge, see {@link VersionedRows}). */
    @SqlUpdate
    void setRowCount(@Bind("release") long releaseId, @Bind("rows") long rows, @Bind("lo") LocalDate periodMin,
                     @Bind("hi") LocalDate periodMax);

    @SqlUpdate
    void makeCurrent(@Bind("ds") String datasetId, @Bind("release") long releaseId);

    /** Rebuilds the dataset's rows of published.dataset_search (migration V13) for its current release. */
    @SqlUpdate
    void refreshSearch(@Bind("ds") String datasetId);

    /** History for asOf=: since when this release is current; reason 'publish' or 'rollback'. */
    @SqlUpdate
    void recordActivation(@Bind("ds") String datasetId, @Bind("release") long releaseId, @Bind("reason") String reason);

    /** The disclosure audit of the load, kept with the release it became: what was suppressed. */
    @SqlUpdate
    void copyDisclosure(@Bind("release") long releaseId, @Bind("load") long loadId);

    /** Tells every instance's {@link ReleaseListener}; PostgreSQL delivers it at commit only. */
    @SqlUpdate
    void announce(@Bind("channel") String channel, @Bind("payload") String payload);
}
