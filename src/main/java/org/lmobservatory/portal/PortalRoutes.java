package org.lmobservatory.portal;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.calendar.CalendarService;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.releases.ReleaseHistory;
import org.lmobservatory.web.HttpCaching;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.RouteSet;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The portal for people: server-rendered HTML at / (which sends each reader to their language) and, per language,
 * /{lang}/ (the front page) and /{lang}/datasets (the catalogue with search). Each language's paths are routes of
 * their own, so the portal can never shadow /docs, /widgets or /ready with a path parameter.
 */
public final class PortalRoutes implements RouteSet {
    public static final String ROOT = "/";
    private static final List<String> HTML = List.of("text/html");

    private final PortalPages pages;
    private final CatalogueService catalogue;
    private final DatasetPages datasetPages;
    private final AreaPages areaPages;
    private final CalendarPages calendarPages;
    private final ReleasePages releasePages;

    /** observations: the facade the API reads through, so a page's table is what the API answers; baseUrl for JSON-LD. */
    public PortalRoutes(CatalogueService catalogue, ObservationService observations, CalendarService calendar, ReleaseHistory releases,
                        String baseUrl) {
        this.pages = new PortalPages(catalogue);
        this.catalogue = catalogue;
        this.datasetPages = new DatasetPages(catalogue, observations, baseUrl);
        this.areaPages = new AreaPages(catalogue, observations);
        this.calendarPages = new CalendarPages(calendar);
        this.releasePages = new ReleasePages(releases);
    }

    public static String front(String lang) {
        return "/" + lang + "/";
    }

    public static String catalogue(String lang) {
        return "/" + lang + "/datasets";
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(ROOT, NotAcceptable.produces(HTML, PortalRoutes::root));
        for (String lang : PortalTexts.LANGUAGES) {
            routing.get(front(lang), NotAcceptable.produces(HTML, ctx -> front(ctx, lang)));
            routing.get(catalogue(lang), NotAcceptable.produces(HTML, ctx -> catalogue(ctx, lang)));
            routing.get(catalogue(lang) + "/{datasetId}", NotAcceptable.produces(HTML, ctx -> dataset(ctx, lang)));
            routing.get("/" + lang + "/areas/{code}", NotAcceptable.produces(HTML, ctx -> area(ctx, lang)));
            routing.get(CalendarPages.path(lang), NotAcceptable.produces(HTML, ctx -> calendar(ctx, lang)));
            routing.get(catalogue(lang) + "/{datasetId}/releases", NotAcceptable.produces(HTML, ctx -> releases(ctx, lang)));
        }
    }

    /**
     * The address everyone is given has no language; the reader's browser says which they read. A redirect rather than
     * a page here, so that every page has one address per language that can be cited and cached as it is.
     */
    static void root(Context ctx) {
        String lang = AcceptLanguage.choose(ctx.header("Accept-Language"), PortalTexts.LANGUAGES);
        ctx.header("Vary", "Accept-Language");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.redirect(front(lang), HttpStatus.FOUND);
    }

    private void front(Context ctx, String lang) {
        List<Dataset> all = pages.all();
        ctx.header("Content-Language", lang);
        if (notModified(ctx, all, "front", lang)) return;
        html(ctx, lang, PortalTemplates.render("portal/front.jte", pages.front(lang, all)));
    }

    private void catalogue(Context ctx, String lang) {
        String q = ctx.queryParam("q");
        String theme = ctx.queryParam("theme");
        List<Dataset> all = pages.all();
        ctx.header("Content-Language", lang);
        if (notModified(ctx, all, "catalogue", lang, q, theme)) return;
        html(ctx, lang, PortalTemplates.render("portal/catalogue.jte", pages.catalogue(lang, q, theme, all)));
    }

    /** A dataset page changes with the dataset's definition and current release, and with the selection asked. */
    private void dataset(Context ctx, String lang) throws Exception {
        Dataset d = catalogue.dataset(ctx.pathParam("datasetId"));
        ctx.header("Content-Language", lang);
        String etag = HttpCaching.etag(d.currentReleaseId() == null ? 0 : d.currentReleaseId(),
                "portal-dataset|" + PortalTemplates.CSP + "|" + lang + "|" + d.id() + "|" + d.updatedAt() + "|" + ctx.queryString());
        if (HttpCaching.notModified(ctx, etag, d.updatedAt() == null ? Instant.EPOCH : d.updatedAt())) return;
        html(ctx, lang, PortalTemplates.render("portal/datasetPage.jte",
                datasetPages.page(lang, d, catalogue.currentRelease(d.id()), ctx.queryParamMap())));
    }

    /** An area page lists what every dataset's current release has for the area: it changes with any release. */
    private void area(Context ctx, String lang) throws Exception {
        QueryParams.requireOnly(ctx, java.util.Set.of());
        List<Dataset> all = pages.all();
        ctx.header("Content-Language", lang);
        if (notModified(ctx, all, "area", lang, ctx.pathParam("code"))) return;
        html(ctx, lang, PortalTemplates.render("portal/areaPage.jte", areaPages.page(lang, ctx.pathParam("code"), all)));
    }

    /** A dataset's releases change only with a publish or rollback: the ETag is its current release and definition. */
    private void releases(Context ctx, String lang) {
        QueryParams.requireOnly(ctx, java.util.Set.of());
        Dataset d = catalogue.dataset(ctx.pathParam("datasetId"));
        ctx.header("Content-Language", lang);
        String etag = HttpCaching.etag(d.currentReleaseId() == null ? 0 : d.currentReleaseId(),
                "portal-releases|" + PortalTemplates.CSP + "|" + lang + "|" + d.id() + "|" + d.updatedAt());
        if (HttpCaching.notModified(ctx, etag, d.updatedAt() == null ? Instant.EPOCH : d.updatedAt())) return;
        html(ctx, lang, PortalTemplates.render("portal/releasesPage.jte", releasePages.page(lang, d)));
    }

    /**
     * The calendar changes with a schedule, not only with a release: like the API's calendar, caches keep it but ask
     * again each time (a 304 while the page is the same, its ETag the digest of the page).
     */
    private void calendar(Context ctx, String lang) {
        QueryParams.requireOnly(ctx, java.util.Set.of());
        ctx.header("Content-Language", lang);
        String page = PortalTemplates.render("portal/calendarPage.jte", calendarPages.page(lang));
        String etag = HttpCaching.etag(0, "portal-calendar|" + PortalTemplates.CSP + "|" + page);
        if (HttpCaching.notModified(ctx, etag, "public, no-cache")) return;
        html(ctx, lang, page);
    }

    /**
     * A page changes only when a dataset is defined anew or gets another current release, so its ETag is made of every
     * dataset's current release and definition time and of the request (page, language, q, theme), led by the newest
     * release. The style sheet's hash stands for the server's version: a deployment with new pages changes it.
     */
    private static boolean notModified(Context ctx, List<Dataset> all, String... request) {
        String releases = all.stream().map(d -> d.id() + ":" + d.currentReleaseId() + ":" + d.updatedAt()).collect(Collectors.joining(","));
        long newest = all.stream().map(Dataset::currentReleaseId).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(0L);
        Instant lastModified = all.stream().map(Dataset::updatedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        String asked = Arrays.stream(request).map(s -> Objects.toString(s, "")).collect(Collectors.joining("|"));
        String etag = HttpCaching.etag(newest, "portal|" + PortalTemplates.CSP + "|" + asked + "|" + releases);
        return HttpCaching.notModified(ctx, etag, lastModified);
    }

    private static void html(Context ctx, String lang, String page) {
        ctx.header("Content-Security-Policy", PortalTemplates.CSP);
        ctx.contentType("text/html; charset=utf-8").result(page);
    }
}
