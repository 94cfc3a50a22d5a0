package org.lmobservatory.webhooks;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.webhooks.SubscriptionDao.AttemptRow;
import org.lmobservatory.webhooks.SubscriptionDao.SubscriptionRow;
import org.lmobservatory.webhooks.WebhookRecords.Attempt;
import org.lmobservatory.webhooks.WebhookRecords.Delivery;
import org.lmobservatory.webhooks.WebhookRecords.DeliveryLog;
import org.lmobservatory.webhooks.WebhookRecords.SubscriptionCreated;
import org.lmobservatory.webhooks.WebhookRecords.SubscriptionRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Self-service webhook subscriptions: no account and no e-mail, just a URL and the secret handed back once. The secret
 * signs the deliveries and is the proof of ownership for reading the delivery log and unsubscribing. It is stored as
 * it is (schema webhook, which the API's database role cannot read): signing needs the secret itself, so a one-way
 * hash cannot replace it, and encrypting it with a key kept on the same server would add no protection.
 */
public final class Subscriptions {
    public static final Set<String> EVENTS = Set.of("release.published", "release.rolled_back");
    static final int MAX_DATASETS = 1_000;
    static final int LOG_LIMIT = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi owner;
    private final CatalogueService catalogue;
    private final WebhookSettings settings;
    private final String baseUrl;

    public Subscriptions(Jdbi owner, CatalogueService catalogue, WebhookSettings settings, String baseUrl) {
        this.owner = owner;
        this.catalogue = catalogue;
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    /**
     * A new subscription for a client (its address, as the rate limiter counts clients): at most settings.maxPerClient
     * per client, counted under a lock per client so that parallel requests cannot pass the count together.
     */
    public SubscriptionCreated subscribe(SubscriptionRequest request, String clientAddress) {
        String url = WebhookUrls.check(request.url(), settings.allowPrivate()).toString();
        List<String> events = events(request.events());
        List<String> datasets = datasets(request.datasets());
        UUID id = UUID.randomUUID();
        String secret = newSecret();
        String client = clientKey(clientAddress);
        owner.useTransaction(h -> {
            SubscriptionDao dao = h.attach(SubscriptionDao.class);
            dao.lockClient(client);
            int held = dao.countOfClient(client);
            if (held >= settings.maxPerClient()) {
                throw ErrorKind.SUBSCRIPTION_LIMIT.error("This client already holds " + held + " subscriptions, the most one client may hold ("
                        + settings.maxPerClient() + ", see /v1/limits). Delete one it no longer needs (DELETE /v1/subscriptions/{id} with its "
                        + "secret) or follow several datasets with one subscription (\"datasets\": […], or none for all).",
                        Map.of("limit", settings.maxPerClient()));
            }
            dao.insert(id, url, datasets == null ? null : datasets.toArray(String[]::new), events.toArray(String[]::new), secret, client);
        });
        Instant created = owner.onDemand(SubscriptionDao.class).find(id).map(SubscriptionRow::createdAt).orElse(Instant.now());
        return new SubscriptionCreated(id, secret, url, datasets, events, created, baseUrl + "/v1/subscriptions/" + id + "/deliveries");
    }

    public void unsubscribe(String id, String secret) {
        SubscriptionRow s = authorised(id, secret);
        owner.onDemand(SubscriptionDao.class).delete(s.id());
    }

    /** The newest deliveries (at most 100) with every attempt. */
    public DeliveryLog deliveries(String id, String secret) {
        SubscriptionRow s = authorised(id, secret);
        return owner.withHandle(h -> {
            SubscriptionDao dao = h.attach(SubscriptionDao.class);
            List<SubscriptionDao.DeliveryRow> rows = dao.deliveries(s.id(), LOG_LIMIT);
            Map<Long, List<AttemptRow>> attempts = rows.isEmpty() ? Map.of()
                    : dao.attempts(rows.stream().map(SubscriptionDao.DeliveryRow::id).toArray(Long[]::new)).stream()
                    .collect(Collectors.groupingBy(AttemptRow::deliveryId));
            List<Delivery> deliveries = rows.stream().map(r -> new Delivery(r.id(), r.event(), r.datasetId(), r.releaseId(), r.activatedAt(),
                    r.status(), r.attempts(), r.status().equals("pending") ? r.nextAttemptAt() : null, r.deliveredAt(),
                    attempts.getOrDefault(r.id(), List.of()).stream()
                            .map(a -> new Attempt(a.attempt(), a.attemptedAt(), a.statusCode(), a.error(), a.durationMs())).toList())).toList();
            return new DeliveryLog(s.id(), s.url(), s.datasets(), s.events(), deliveries);
        });
    }

    private SubscriptionRow authorised(String id, String secret) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unknown(id);
        }
        SubscriptionRow s = owner.onDemand(SubscriptionDao.class).find(uuid).orElseThrow(() -> unknown(id));
        if (secret == null || secret.isBlank()) {
            throw ErrorKind.SUBSCRIPTION_SECRET_REQUIRED.error("Send the subscription's secret, as given when it was made: Authorization: Bearer <secret>.");
        }
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), s.secret().getBytes(StandardCharsets.UTF_8))) {
            throw ErrorKind.WRONG_SUBSCRIPTION_SECRET.error("That is not the secret of subscription " + id + ".");
        }
        return s;
    }

    private static ObservatoryException unknown(String id) {
        return ErrorKind.UNKNOWN_SUBSCRIPTION.error("There is no subscription '" + id + "' (it may have been deleted).");
    }

    private static List<String> events(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw invalid("events is required: a list of " + String.join(", ", new java.util.TreeSet<>(EVENTS)) + ".", "/events");
        }
        Set<String> events = new LinkedHashSet<>();
        for (String e : requested) {
            if (e == null || !EVENTS.contains(e)) {
                throw invalid("Unknown event '" + e + "'. Events: " + String.join(", ", new java.util.TreeSet<>(EVENTS)) + ".", "/events");
            }
            events.add(e);
        }
        return List.copyOf(events);
    }

    private List<String> datasets(List<String> requested) {
        if (requested == null) return null;
        if (requested.isEmpty()) throw invalid("datasets is empty: leave it out to follow every dataset, or name some.", "/datasets");
        if (requested.size() > MAX_DATASETS) throw invalid("At most " + MAX_DATASETS + " datasets per subscription.", "/datasets");
        List<String> out = new ArrayList<>(new LinkedHashSet<>(requested));
        for (String d : out) {
            try {
                catalogue.dataset(d == null ? "" : d);
            } catch (ObservatoryException e) {
                throw invalid("There is no dataset '" + d + "'. The catalogue is at /v1/datasets.", "/datasets");
            }
        }
        return out;
    }

    private static ObservatoryException invalid(String detail, String pointer) {
        return ErrorKind.INVALID_BODY.error(detail, Map.of("pointer", pointer));
    }

    /** What is kept of the client's address: a digest, enough to count its subscriptions, without the address itself. */
    static String clientKey(String clientAddress) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int maxPerClient() {
        return settings.maxPerClient();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
