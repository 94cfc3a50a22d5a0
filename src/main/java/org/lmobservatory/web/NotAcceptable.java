package org.lmobservatory.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.web.negotiation.MediaRange;
import org.lmobservatory.web.negotiation.Negotiation;

import java.util.List;
import java.util.Map;

/**
 * The 406 of content negotiation: the Accept header admits none of the types an endpoint produces. The problem lists
 * those types, so the client can ask again. {@link #produces} guards an endpoint that has a fixed type; observations
 * negotiate among their formats themselves, since format= overrides Accept there.
 */
public final class NotAcceptable {
    private NotAcceptable() {
    }

    public static ObservatoryException problem(List<String> produced) {
        return ErrorKind.NOT_ACCEPTABLE.error(
                "This resource is available as " + String.join(", ", produced) + "; the Accept header admits none of them.",
                Map.of("acceptable", produced));
    }

    /** The handler, answering only when the Accept header admits one of the media types it produces. */
    public static Handler produces(List<String> mediaTypes, Handler handler) {
        List<MediaRange> offers = mediaTypes.stream().map(MediaRange::of).toList();
        return ctx -> {
            check(ctx, offers, mediaTypes);
            handler.handle(ctx);
        };
    }

    public static Handler json(Handler handler) {
        return produces(List.of("application/json"), handler);
    }

    private static void check(Context ctx, List<MediaRange> offers, List<String> mediaTypes) {
        if (Negotiation.choose(ctx.header("Accept"), offers).isEmpty()) throw problem(mediaTypes);
    }
}
