package org.lmobservatory.releases.http;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.disclosure.AuditEntry;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseParams;
import org.lmobservatory.releases.ReleaseDao;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.releases.ReleaseSelector;
import org.lmobservatory.releases.ReleaseViews.ReleaseInfo;
import org.lmobservatory.releases.ReleaseViews.ReleaseList;
import org.lmobservatory.releases.ReleaseViews.ReleaseRef;
import org.lmobservatory.releases.ReleaseViews.Revision;
import org.lmobservatory.releases.ReleaseViews.RevisionList;
import org.lmobservatory.releases.RevisionDao;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET the releases of a dataset and the cells revised since an earlier release. */
public final class ReleaseRoutes implements RouteSet {
    public static final String RELEASES = "/v1/datasets/{datasetId}/releases";
    public static final String REVISIONS = "/v1/datasets/{datasetId}/revisions";
    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    private final Jdbi jdbi;
    private final Jdbi lookups;
    private final CatalogueService catalogue;
    private final String baseUrl;
    private final QueryAdmission admission;

    /**
     * lookups: the API's connections with the short deadline of small lookups (db/LookupDeadline), for the release list;
     * revisions compare whole releases and take apiJdbi. admission: the API's gate for database queries; both lists wait
     * there like observation queries do.
     */
    public ReleaseRoutes(Jdbi apiJdbi, Jdbi lookups, CatalogueService catalogue, String baseUrl, QueryAdmission admission) {
        this.jdbi = apiJdbi;
        this.lookups = lookups;
        this.catalogue = catalogue;
        this.baseUrl = baseUrl;
        this.admission = admission;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(RELEASES, NotAcceptable.json(this::releases));
        routing.get(REVISIONS, NotAcceptable.json(this::revisions));
    }

    @OpenApi(path = RELEASES, methods = HttpMethod.GET, tags = "Releases", operationId = "listReleases",
            summary = "Releases of a dataset",
            description = "Every publication of the dataset, newest first, with its permanent URL and disclosure audit. "
                    + "Any of them can be read with release= (or asOf=) on the observations endpoint.",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. graduate-outcomes"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReleaseList.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void releases(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        Dataset d = catalogue.dataset(ctx.pathParam("datasetId"));
        ReleaseList list = admission.get(() -> lookups.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            ReleaseDao dao = h.attach(ReleaseDao.class);
            Long current = dao.current(d.id()).map(Release::id).orElse(null);
            List<Release> releases = dao.list(d.id());
            Map<Long, List<AuditEntry>> audit = dao.audit(releases.stream().map(Release::id).toList());
            List<ReleaseInfo> out = releases.stream().map(r -> new ReleaseInfo(r.id(), r.publishedAt(), r.rowCount(), r.note(),
                    r.inputChecksum(), r.inputFile(), r.id() == (current == null ? -1 : current), url(d, r),
                    audit.getOrDefault(r.id(), List.of()))).toList();
            return new ReleaseList(d.id(), current, out.size(), out);
        }));
        ctx.json(list);
    }

    @OpenApi(path = REVISIONS, methods = HttpMethod.GET, tags = "Releases", operationId = "listRevisions",
            summary = "Cells revised since an earlier release",
            description = "Every cell whose value, flag or confidentiality status differs between the release given by since (a release id, "
                    + "or a moment: the release current then) and the current release (or the one given by release), plus cells added or removed.",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. graduate-outcomes"),
            queryParams = {
                    @OpenApiParam(name = "since", required = true, description = "A release id, a date (2025-03-01) or a timestamp (2025-03-01T12:00:00Z)"),
                    @OpenApiParam(name = "release", type = Long.class, description = "Compare with this release instead of the current one"),
                    @OpenApiParam(name = "limit", type = Integer.class, description = "At most this many revisions (default 1000, at most 10000)")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = RevisionList.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void revisions(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of("since", "release", "limit"));
        Dataset d = catalogue.dataset(ctx.pathParam("datasetId"));
        String since = QueryParams.single(ctx, "since");
        if (since == null) {
            throw ErrorKind.MISSING_PARAMETER.error("since is required: a release id (see " + ReleaseResolver.releasesPath(d.id())
                    + "), a date or a timestamp.", Map.of("parameter", "since"));
        }
        ReleaseSelector from = since.matches("\\d+") ? new ReleaseSelector(ReleaseParams.releaseId("since", since), null)
                : new ReleaseSelector(null, ReleaseParams.moment("since", since));
        String releaseParam = QueryParams.single(ctx, "release");
        ReleaseSelector to = releaseParam == null ? ReleaseSelector.CURRENT : new ReleaseSelector(ReleaseParams.releaseId("release", releaseParam), null);
        int limit = limit(QueryParams.single(ctx, "limit"));
        ctx.json(admission.get(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> revisionList(h, d, from, to, limit))));
    }

    private RevisionList revisionList(Handle h, Dataset d, ReleaseSelector fromSelector, ReleaseSelector toSelector, int limit) {
        Release from = ReleaseResolver.resolve(h, d.id(), fromSelector);
        Release to = ReleaseResolver.resolve(h, d.id(), toSelector);
        List<RevisionDao.Changed> changed = h.attach(RevisionDao.class).between(from.id(), to.id(), limit + 1);
        boolean truncated = changed.size() > limit;
        List<Revision> out = new ArrayList<>();
        for (RevisionDao.Changed c : truncated ? changed.subList(0, limit) : changed) {
            Map<String, String> key = new LinkedHashMap<>();
            for (Dimension dim : d.dimensions()) key.put(dim.id(), c.key().get(dim.position()));
            out.add(new Revision(key, d.frequency().label(c.periodStart()), c.change(), c.previousValue(), c.previousFlags(),
                    c.previousConfStatus(), c.value(), c.flags(), c.confStatus()));
        }
        List<String> warnings = new ArrayList<>();
        if (from.id() == to.id()) warnings.add("since resolves to release " + from.id() + ", the release compared with: nothing can differ.");
        if (truncated) warnings.add("More than " + limit + " revisions; raise limit (at most " + MAX_LIMIT + ") or compare nearer releases.");
        return new RevisionList(d.id(), ref(d, from), ref(d, to), out.size(), truncated, out, warnings);
    }

    private static int limit(String text) {
        if (text == null) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ErrorKind.INVALID_PARAMETER.error("limit must be a whole number from 1 to " + MAX_LIMIT + "; got '" + text + "'.",
                Map.of("parameter", "limit"));
    }

    private ReleaseRef ref(Dataset d, Release r) {
        return new ReleaseRef(r.id(), r.publishedAt(), url(d, r));
    }

    private String url(Dataset d, Release r) {
        return baseUrl + "/v1/datasets/" + d.id() + "/observations?release=" + r.id();
    }
}
