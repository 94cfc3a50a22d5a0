package org.lmobservatory.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.router.JavalinDefaultRouting;
import org.lmobservatory.db.Json;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.web.NotAcceptable;
import org.lmobservatory.web.Problem;
import org.lmobservatory.web.QueryParams;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.webhooks.WebhookRecords.DeliveryLog;
import org.lmobservatory.webhooks.WebhookRecords.SubscriptionCreated;
import org.lmobservatory.webhooks.WebhookRecords.SubscriptionRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Self-service webhook subscriptions: subscribe, read the delivery log, unsubscribe (the secret as proof). */
public final class WebhookRoutes implements RouteSet {
    public static final String SUBSCRIPTIONS = "/v1/subscriptions";
    public static final String SUBSCRIPTION = "/v1/subscriptions/{subscriptionId}";
    public static final String DELIVERIES = "/v1/subscriptions/{subscriptionId}/deliveries";
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Subscriptions subscriptions;

    public WebhookRoutes(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public void register(JavalinDefaultRouting routing) {
        routing.post(SUBSCRIPTIONS, NotAcceptable.json(this::subscribe));
        routing.delete(SUBSCRIPTION, this::unsubscribe);
        routing.get(DELIVERIES, NotAcceptable.json(this::deliveries));
    }

    @OpenApi(path = SUBSCRIPTIONS, methods = HttpMethod.POST, tags = "Webhooks", operationId = "subscribe",
            summary = "Subscribe a URL to release events",
            description = "Every publication (release.published) or rollback (release.rolled_back) of the named datasets (or of all) is POSTed to url as JSON, "
                    + "signed: X-LMO-Signature: sha256=<hex HMAC-SHA256, keyed with the secret, of X-LMO-Timestamp + '.' + the raw body>. "
                    + "Failed deliveries (no 2xx within 10 s) are retried with exponential backoff. The secret is shown only in this answer. "
                    + "A client (address) may hold at most webhookSubscriptionsPerClient subscriptions (/v1/limits); beyond, a 409.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = SubscriptionRequest.class)),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = SubscriptionCreated.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "409", description = "The client already holds as many subscriptions as /v1/limits allows (webhookSubscriptionsPerClient)",
                            content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "415", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "422", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void subscribe(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        String type = ctx.header("Content-Type");
        if (type == null || !type.split(";")[0].trim().equalsIgnoreCase("application/json")) {
            throw ErrorKind.UNSUPPORTED_MEDIA_TYPE.error("Send the subscription as Content-Type: application/json.",
                    Map.of("acceptable", List.of("application/json")));
        }
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            throw ErrorKind.BODY_TOO_LARGE.error("A subscription is at most " + MAX_BODY_BYTES + " bytes of JSON.", Map.of("limit", MAX_BODY_BYTES));
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw ErrorKind.BODY_TOO_LARGE.error("A subscription is at most " + MAX_BODY_BYTES + " bytes of JSON.", Map.of("limit", MAX_BODY_BYTES));
        }
        SubscriptionRequest request;
        try {
            request = Json.MAPPER.readValue(body, SubscriptionRequest.class);
        } catch (JsonProcessingException e) {
            throw ErrorKind.INVALID_BODY.error("The body is not a subscription: " + e.getOriginalMessage()
                    + ". Send {\"url\": \"https://…\", \"events\": [\"release.published\"], \"datasets\": [\"…\"]}.");
        } catch (java.io.IOException e) {
            throw ErrorKind.INVALID_BODY.error("The request body could not be read.");
        }
        if (request == null) throw ErrorKind.INVALID_BODY.error("The body is empty; send a JSON object.");
        SubscriptionCreated created = subscriptions.subscribe(request, ctx.ip());
        ctx.header("Location", "/v1/subscriptions/" + created.id());
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(created);
    }

    @OpenApi(path = SUBSCRIPTION, methods = HttpMethod.DELETE, tags = "Webhooks", operationId = "unsubscribe",
            summary = "Delete a subscription",
            description = "Stops deliveries and forgets the subscription and its log. Proof of ownership: Authorization: Bearer <secret>.",
            pathParams = @OpenApiParam(name = "subscriptionId", required = true, description = "The id given when subscribing"),
            headers = @OpenApiParam(name = "Authorization", required = true, description = "Bearer <secret>"),
            responses = {
                    @OpenApiResponse(status = "204", description = "Deleted"),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void unsubscribe(Context ctx) {
        subscriptions.unsubscribe(ctx.pathParam("subscriptionId"), bearer(ctx));
        ctx.status(204);
    }

    @OpenApi(path = DELIVERIES, methods = HttpMethod.GET, tags = "Webhooks", operationId = "listDeliveries",
            summary = "Delivery log of a subscription",
            description = "The newest 100 deliveries, newest first, each with its status (pending, delivered, failed), next attempt and every attempt "
                    + "(time, the receiver's status code or the error, duration). Proof of ownership: Authorization: Bearer <secret>.",
            pathParams = @OpenApiParam(name = "subscriptionId", required = true, description = "The id given when subscribing"),
            headers = @OpenApiParam(name = "Authorization", required = true, description = "Bearer <secret>"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = DeliveryLog.class)),
                    @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json")),
                    @OpenApiResponse(status = "406", content = @OpenApiContent(from = Problem.class, mimeType = "application/problem+json"))
            })
    void deliveries(Context ctx) {
        QueryParams.requireOnly(ctx, Set.of());
        DeliveryLog log = subscriptions.deliveries(ctx.pathParam("subscriptionId"), bearer(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(log);
    }

    private static String bearer(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return auth.substring(7).trim();
    }
}
