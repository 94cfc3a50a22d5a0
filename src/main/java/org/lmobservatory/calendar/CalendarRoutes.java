package org.lmobservatory.calendar;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.calendar.CalendarViews.ReleaseCalendar;
import org.lmobservatory.db.Json;
import org.lmobservatory.web.HttpCaching;
import org.lmobservatory.web.Languages;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.RouteSet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** GET the release calendar, as JSON and as an iCalendar feed, for every dataset or one. */
public final class CalendarRoutes implements RouteSet {
    public static final String CALENDAR = "/v1/calendar";
    public static final String ICS = "/v1/calendar.ics";
    /**
     * Caches may keep it but must ask again each time (a 304 while nothing changed): a reschedule has to show at once,
     * and the ETag is the body's digest, the same on every instance.
     */
    static final String CACHE_CONTROL = "public, no-cache";

    private final CalendarService calendar;
    private final ICalendarFeed feed;

    public CalendarRoutes(CalendarService calendar, String baseUrl) {
        this.calendar = calendar;
        this.feed = new ICalendarFeed(baseUrl);
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.get(CALENDAR, NotAcceptable.json(this::json));
        routing.get(ICS, NotAcceptable.produces(List.of(ICalendarFeed.MEDIA_TYPE), this::ics));
    }

    @OpenApi(path = CALENDAR, methods = HttpMethod.GET, tags = "Releases", operationId = "releaseCalendar",
            summary = "Release calendar",
            description = "Scheduled releases (under embargo until their announced instant) and those due in the last 90 days: status "
                    + "(scheduled, published, cancelled), announced instant, and every reschedule or cancellation with its reason. "
                    + "The same as iCalendar at /v1/calendar.ics.",
            queryParams = {
                    @OpenApiParam(name = "dataset", description = "Only this dataset's releases, e.g. unemployment-rate"),
                    @OpenApiParam(name = "lang", description = "Title language: en, sq, sr, fi, sv, bg, pl, cs (falls back to English)")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReleaseCalendar.class)),
                    @OpenApiResponse(status = "304"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void json(Context ctx) throws Exception {
        ReleaseCalendar c = read(ctx);
        respond(ctx, Json.MAPPER.writeValueAsString(c), "application/json");
    }

    @OpenApi(path = ICS, methods = HttpMethod.GET, tags = "Releases", operationId = "releaseCalendarIcs",
            summary = "Release calendar as iCalendar (RFC 5545)",
            description = "One VEVENT per scheduled release: UID release-<id>@<host>, stable; SEQUENCE counts reschedules and "
                    + "cancellations; STATUS:CANCELLED when cancelled; DTSTART the announced instant in UTC; SUMMARY the dataset's "
                    + "title in the requested language. Subscribe to it from any calendar application.",
            queryParams = {
                    @OpenApiParam(name = "dataset", description = "Only this dataset's releases, e.g. unemployment-rate"),
                    @OpenApiParam(name = "lang", description = "Title language: en, sq, sr, fi, sv, bg, pl, cs (falls back to English)")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = ICalendarFeed.MEDIA_TYPE, type = "string")),
                    @OpenApiResponse(status = "304"),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void ics(Context ctx) {
        ReleaseCalendar c = read(ctx);
        String name = c.dataset() == null ? "Labour Market Observatory releases" : "Labour Market Observatory releases: " + c.dataset();
        respond(ctx, feed.write(c, name), ICalendarFeed.MEDIA_TYPE + "; charset=utf-8");
    }

    private ReleaseCalendar read(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of("dataset", "lang"));
        return calendar.calendar(QueryParams.single(ctx, "dataset"), Languages.from(ctx));
    }

    private static void respond(Context ctx, String body, String contentType) {
        if (HttpCaching.notModified(ctx, etag(body), CACHE_CONTROL)) return;
        ctx.contentType(contentType).result(body);
    }

    private static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"cal-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
