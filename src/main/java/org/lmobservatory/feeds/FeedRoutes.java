package org.lmobservatory.feeds;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.web.HttpCaching;
import org.lmobservatory.web.Languages;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.RouteSet;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Atom change feeds: every release and rollback, of one dataset or of all. */
public final class FeedRoutes implements RouteSet {
    public static final String ALL = "/v1/feeds/releases.atom";
    public static final String DATASET = "/v1/datasets/{datasetId}/releases.atom";
    static final String ATOM = "application/atom+xml";
    /** Entries of a feed: enough for a reader polling daily; older releases stay listed at …/releases. */
    static final int MAX_ENTRIES = 200;

    private final CatalogueService catalogue;
    private final Jdbi lookups;
    private final QueryAdmission admission;
    private final ReleaseFeed feed;

    public FeedRoutes(CatalogueService catalogue, Jdbi lookups, QueryAdmission admission, String baseUrl) {
        this.catalogue = catalogue;
        this.lookups = lookups;
        this.admission = admission;
        this.feed = new ReleaseFeed(baseUrl);
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(ALL, NotAcceptable.produces(List.of(ATOM), this::all));
        routing.get(DATASET, NotAcceptable.produces(List.of(ATOM), this::dataset));
    }

    @OpenApi(path = ALL, methods = HttpMethod.GET, tags = "Releases", operationId = "releasesFeed",
            summary = "Atom feed of all releases",
            description = "Every publication and rollback of every dataset, newest first (at most 200), as Atom 1.0 (RFC 4287). Entry ids are "
                    + "stable tag: URIs; updated is the moment the release became current; links point to the release's numbers (also rel=cite-as), "
                    + "the release list and the bulk download of that release.",
            queryParams = @OpenApiParam(name = "lang", description = "Language of the titles (falls back to English)"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = ATOM, type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void all(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of("lang"));
        String lang = Languages.from(ctx);
        List<Activation> activations = admission.get(() -> lookups.onDemand(FeedDao.class).activations(null, MAX_ENTRIES));
        respond(ctx, null, ALL, activations, new ReleaseFeed.Titles(id -> title(id, lang), FeedWords.allReleases(lang)), lang);
    }

    @OpenApi(path = DATASET, methods = HttpMethod.GET, tags = "Releases", operationId = "datasetReleasesFeed",
            summary = "Atom feed of a dataset's releases",
            description = "Every publication and rollback of the dataset, newest first (at most 200), as Atom 1.0 (RFC 4287); see the feed of all releases.",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id, e.g. unemployment-rate"),
            queryParams = @OpenApiParam(name = "lang", description = "Language of the titles (falls back to English)"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = ATOM, type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void dataset(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of("lang"));
        String lang = Languages.from(ctx);
        Dataset d = catalogue.dataset(ctx.pathParam("datasetId"));
        List<Activation> activations = admission.get(() -> lookups.onDemand(FeedDao.class).activations(d.id(), MAX_ENTRIES));
        String title = Languages.pick(d.title(), lang);
        respond(ctx, d.id(), "/v1/datasets/" + d.id() + "/releases.atom", activations, new ReleaseFeed.Titles(id -> title, title), lang);
    }

    private void respond(Context ctx, String datasetId, String self, List<Activation> activations, ReleaseFeed.Titles titles, String lang) {
        // Activations are only ever added: the newest one's id identifies the feed's content (with the language).
        long newest = activations.isEmpty() ? 0 : activations.get(0).activationId();
        Instant updated = activations.isEmpty() ? Instant.EPOCH : activations.get(0).activatedAt();
        if (HttpCaching.notModified(ctx, HttpCaching.etag(newest, "atom|" + datasetId + "|" + lang), updated)) return;
        ctx.contentType(ATOM + "; charset=utf-8");
        ctx.result(feed.write(datasetId, self, activations, titles, lang));
    }

    private String title(String datasetId, String lang) {
        return Languages.pick(catalogue.dataset(datasetId).title(), lang);
    }
}
