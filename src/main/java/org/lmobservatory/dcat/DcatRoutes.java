package org.lmobservatory.dcat;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.web.HttpCaching;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.web.negotiation.MediaRange;
import org.lmobservatory.web.negotiation.Negotiation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The DCAT-AP catalogue for data portals (data.europa.eu, national portals): JSON-LD or Turtle. */
public final class DcatRoutes implements RouteSet {
    public static final String CATALOG = "/catalog";
    public static final String CATALOG_JSONLD = "/catalog.jsonld";
    public static final String CATALOG_TURTLE = "/catalog.ttl";
    private static final List<String> MEDIA_TYPES = Arrays.stream(DcatCatalogue.Syntax.values()).map(DcatCatalogue.Syntax::mediaType).toList();

    private final DcatCatalogue catalogue;

    public DcatRoutes(DcatCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(CATALOG, this::negotiated);
        routing.get(CATALOG_JSONLD, NotAcceptable.produces(List.of("application/ld+json"), this::jsonLd));
        routing.get(CATALOG_TURTLE, NotAcceptable.produces(List.of("text/turtle"), this::turtle));
    }

    @OpenApi(path = CATALOG, methods = HttpMethod.GET, tags = "Catalogue", operationId = "getDcatCatalog",
            summary = "DCAT-AP catalogue (JSON-LD or Turtle)",
            description = "The published datasets as a DCAT-AP 3 catalogue with the StatDCAT-AP properties that apply (dimensions, number of series, "
                    + "unit of measure): one dcat:Dataset per dataset with a current release, one dcat:Distribution per format of the observations endpoint "
                    + "and one for the bulk download. JSON-LD (application/ld+json, the default) or Turtle (text/turtle) by the Accept header; "
                    + "/catalog.jsonld and /catalog.ttl name one.",
            responses = {
                    @OpenApiResponse(status = "200", content = {
                            @OpenApiContent(mimeType = "application/ld+json", type = "object"),
                            @OpenApiContent(mimeType = "text/turtle", type = "string")}),
                    @OpenApiResponse(status = "304", description = "Not modified"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void negotiated(Context ctx) {
        List<MediaRange> offers = MEDIA_TYPES.stream().map(MediaRange::of).toList();
        MediaRange chosen = Negotiation.choose(ctx.header("Accept"), offers).orElseThrow(() -> NotAcceptable.problem(MEDIA_TYPES));
        send(ctx, chosen.subtype().equals("turtle") ? DcatCatalogue.Syntax.TURTLE : DcatCatalogue.Syntax.JSON_LD);
    }

    @OpenApi(path = CATALOG_JSONLD, methods = HttpMethod.GET, tags = "Catalogue", operationId = "getDcatCatalogJsonLd",
            summary = "DCAT-AP catalogue as JSON-LD",
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "application/ld+json", type = "object")),
                    @OpenApiResponse(status = "304", description = "Not modified"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void jsonLd(Context ctx) {
        send(ctx, DcatCatalogue.Syntax.JSON_LD);
    }

    @OpenApi(path = CATALOG_TURTLE, methods = HttpMethod.GET, tags = "Catalogue", operationId = "getDcatCatalogTurtle",
            summary = "DCAT-AP catalogue as Turtle",
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/turtle", type = "string")),
                    @OpenApiResponse(status = "304", description = "Not modified"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void turtle(Context ctx) {
        send(ctx, DcatCatalogue.Syntax.TURTLE);
    }

    private void send(Context ctx, DcatCatalogue.Syntax syntax) {
        QueryParams.requireOnly(ctx, Set.of());
        DcatCatalogue.State state = catalogue.state();
        String etag = HttpCaching.etag(state.newestRelease(), "dcat|" + syntax.name() + "|" + state.key());
        if (HttpCaching.notModified(ctx, etag, state.lastModified())) return;
        ctx.contentType(syntax.mediaType() + "; charset=utf-8");
        ctx.result(catalogue.document(state, syntax));
    }
}
