package org.lmobservatory.releases;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiPropertyType;
import org.lmobservatory.disclosure.AuditEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records of the releases and revisions endpoints, as the API returns them. */
public final class ReleaseViews {
    private ReleaseViews() {
    }

    public record ReleaseInfo(
            long id, Instant publishedAt, long rowCount, String note,
            @OpenApiDescription("SHA-256 of the input file") String checksum,
            @OpenApiDescription("Name of the input file") String file,
            @OpenApiDescription("Whether this release is the one served by default") boolean current,
            @OpenApiDescription("Permanent URL of this release's observations") String url,
            @OpenApiDescription("Disclosure audit: cells affected per rule (empty without disclosure control)") List<AuditEntry> disclosure) {
    }

    public record ReleaseList(String dataset, Long currentRelease, int count, List<ReleaseInfo> releases) {
    }

    public record ReleaseRef(long id, Instant publishedAt, String url) {
    }

    public record Revision(
            @OpenApiDescription("The cell's code for every dimension") Map<String, String> key,
            String time,
            @OpenApiDescription("revised (value, flag or confStatus changed), added or removed") String change,
            @OpenApiPropertyType(definedBy = Double.class) BigDecimal previousValue, String previousFlag, String previousConfStatus,
            @OpenApiPropertyType(definedBy = Double.class) BigDecimal value, String flag, String confStatus) {
    }

    public record RevisionList(String dataset, ReleaseRef since, ReleaseRef release, int count,
                               @OpenApiDescription("True when there are more revisions than limit") boolean truncated,
                               List<Revision> revisions, List<String> warnings) {
    }
}
