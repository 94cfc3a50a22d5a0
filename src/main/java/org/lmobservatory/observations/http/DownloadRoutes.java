package org.lmobservatory.observations.http;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.web.HttpCaching;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** GET a whole release (the current one unless pinned) as one gzipped CSV: the answer to "too many cells". */
public final class DownloadRoutes implements RouteSet {
    public static final String DOWNLOAD = "/v1/datasets/{datasetId}/download";

    private final CatalogueService catalogue;
    private final ReleaseResolver releases;
    private final BulkDownloads downloads;

    public DownloadRoutes(CatalogueService catalogue, ReleaseResolver releases, BulkDownloads downloads) {
        this.catalogue = catalogue;
        this.releases = releases;
        this.downloads = downloads;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(DOWNLOAD, NotAcceptable.produces(List.of("application/gzip"), this::download));
    }

    @OpenApi(path = DOWNLOAD, methods = HttpMethod.GET, tags = "Observations", operationId = "downloadDataset",
            summary = "Whole dataset as gzipped CSV",
            description = "Every observation of the current release (or of the one given by release= or asOf=), in the CSV layout of the observations endpoint (codes, labels "
                    + "in English, time, value, unit, flag), gzip-compressed. Generated once per release; no cell limit. "
                    + "When the server cannot write the file (a full disk), the answer is 503 with Retry-After and nothing is kept of the attempt.",
            pathParams = @OpenApiParam(name = "datasetId", required = true, description = "Dataset id"),
            queryParams = {
                    @OpenApiParam(name = "release", type = Long.class, description = "Download this release instead of the current one"),
                    @OpenApiParam(name = "asOf", description = "Download the release that was current at this moment: a timestamp, or a date for the end of that day (UTC)")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "application/gzip", type = "string", format = "binary")),
                    @OpenApiResponse(status = "304", description = "Not modified"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "503", description = "The file cannot be written now (problem type storage-full or storage-unavailable), "
                            + "or the database is unavailable; try again after Retry-After seconds",
                            content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void download(Context ctx) throws Exception {
        QueryParams.requireOnly(ctx, Set.of("release", "asOf"));
        Dataset dataset = catalogue.dataset(ctx.pathParam("datasetId"));
        Release release = releases.resolve(dataset.id(), ReleaseResolver.selector(ctx.queryParamMap()));
        if (HttpCaching.notModified(ctx, HttpCaching.etag(release.id(), "download"), release.publishedAt())) return;
        Path file;
        try {
            file = downloads.file(dataset, release);
        } catch (Exception e) {
            // The validators and Cache-Control set above describe the file; a shared cache must not keep the problem
            // (a full disk, the database away) in its place once the condition has passed.
            ctx.res().setHeader("ETag", null);
            ctx.res().setHeader("Last-Modified", null);
            ctx.header("Cache-Control", "no-store");
            throw e;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        ctx.header("X-Release-Id", Long.toString(release.id()));
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        ctx.contentType("application/gzip");
        ctx.result(Files.newInputStream(file));
    }
}
