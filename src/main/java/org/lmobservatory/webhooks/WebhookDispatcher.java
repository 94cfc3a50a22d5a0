package org.lmobservatory.webhooks;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.db.Json;
import org.lmobservatory.errors.LogThrottle;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.webhooks.DeliveryDao.Due;
import org.lmobservatory.webhooks.WebhookRecords.DatasetRef;
import org.lmobservatory.webhooks.WebhookRecords.Payload;
import org.lmobservatory.webhooks.WebhookRecords.ReleaseRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Works the delivery queue on every server instance: claims one due delivery at a time (FOR UPDATE SKIP LOCKED, so
 * one instance makes each attempt), POSTs the signed payload, logs the attempt, and either settles the delivery or
 * schedules the next attempt with exponential backoff. The row stays locked during the POST (at most the timeout), so
 * a crash mid-attempt only releases it for another try. Idle, it looks for due deliveries every pollMillis.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final Jdbi owner;
    private final WebhookSettings settings;
    private final String baseUrl;
    private final HttpClient http;
    private final Thread thread;
    private final LogThrottle failures = new LogThrottle(log, 60);
    private volatile boolean running = true;

    public WebhookDispatcher(Jdbi owner, WebhookSettings settings, String baseUrl) {
        this.owner = owner;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(settings.timeoutMillis()))
                // A redirect could lead to an address the URL check refused.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.thread = new Thread(this::loop, "webhook-dispatcher");
        this.thread.setDaemon(true);
    }

    public WebhookDispatcher start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            try {
                if (!deliverOne()) sleep(settings.pollMillis());
            } catch (Exception e) {
                if (!running) return;
                failures.warn("Webhook deliveries paused: {}", e.getMessage());
                sleep(settings.pollMillis());
            }
        }
    }

    /** Makes one due attempt, if there is one; false when nothing is due. */
    boolean deliverOne() {
        return owner.inTransaction(h -> {
            DeliveryDao dao = h.attach(DeliveryDao.class);
            Due due = dao.claimDue().orElse(null);
            if (due == null) return false;
            int attempt = due.attempts() + 1;
            long started = System.nanoTime();
            Integer status = null;
            String error = null;
            try {
                URI target = WebhookUrls.check(due.url(), settings.allowPrivate());
                byte[] body = Json.MAPPER.writeValueAsBytes(payload(due));
                long timestamp = System.currentTimeMillis() / 1000;
                HttpRequest request = HttpRequest.newBuilder(target)
                        .timeout(Duration.ofMillis(settings.timeoutMillis()))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "LabourMarketObservatory-Webhooks/1")
                        .header("X-LMO-Event", due.event())
                        .header("X-LMO-Delivery", Long.toString(due.id()))
                        .header(Signatures.TIMESTAMP_HEADER, Long.toString(timestamp))
                        .header(Signatures.SIGNATURE_HEADER, Signatures.sign(due.secret(), timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 != 2) error = "HTTP " + status;
            } catch (ObservatoryException e) {
                error = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            int ms = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
            dao.recordAttempt(due.id(), attempt, status, error == null ? null : truncate(error), ms);
            if (error == null) {
                dao.delivered(due.id(), attempt);
            } else if (attempt >= settings.maxAttempts()) {
                dao.failed(due.id(), attempt);
            } else {
                dao.retryLater(due.id(), attempt, settings.retryDelayMillis(attempt));
            }
            return true;
        });
    }

    private Payload payload(Due d) {
        String dataset = baseUrl + "/v1/datasets/" + d.datasetId();
        return new Payload(d.event(), d.id(), d.subscriptionId(),
                new DatasetRef(d.datasetId(), dataset, dataset + "/releases", dataset + "/releases.atom"),
                new ReleaseRef(d.releaseId(), d.publishedAt(), d.activatedAt(), d.rowCount(), d.periodMin(), d.periodMax(), d.note(),
                        dataset + "/observations?release=" + d.releaseId(), dataset + "/download?release=" + d.releaseId()));
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
