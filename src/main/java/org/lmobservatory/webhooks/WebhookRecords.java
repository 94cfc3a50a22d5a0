package org.lmobservatory.webhooks;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the subscription endpoints read and write, and the body of a delivery. */
public final class WebhookRecords {
    private WebhookRecords() {
    }

    public record SubscriptionRequest(
            @OpenApiRequired @OpenApiDescription("http(s) URL that receives a POST per event") String url,
            @OpenApiDescription("Dataset ids to follow; absent or null: every dataset") List<String> datasets,
            @OpenApiRequired @OpenApiDescription("release.published and/or release.rolled_back") List<String> events) {
    }

    public record SubscriptionCreated(UUID id,
                                      @OpenApiDescription("Shown this once: signs every delivery (X-LMO-Signature) and proves ownership "
                                              + "(Authorization: Bearer <secret>) to list deliveries or unsubscribe") String secret,
                                      String url, List<String> datasets, List<String> events, Instant createdAt, String deliveries) {
    }

    public record Attempt(int attempt, Instant at, @OpenApiDescription("The receiver's HTTP status; absent when none came") Integer status,
                          String error, int durationMs) {
    }

    public record Delivery(long id, String event, String dataset, long release, Instant activatedAt,
                           @OpenApiDescription("pending (queued or waiting to retry), delivered, or failed (gave up)") String status,
                           int attempts, Instant nextAttemptAt, Instant deliveredAt, List<Attempt> log) {
    }

    public record DeliveryLog(UUID subscription, String url, List<String> datasets, List<String> events, List<Delivery> deliveries) {
    }

    /** The JSON POSTed to the receiver. */
    public record Payload(String event, long deliveryId, UUID subscriptionId, DatasetRef dataset, ReleaseRef release) {
    }

    public record DatasetRef(String id, String url, String releases, String feed) {
    }

    public record ReleaseRef(long id, Instant publishedAt, Instant activatedAt, long rowCount, LocalDate periodMin,
                             LocalDate periodMax, String note, String url, String download) {
    }
}
