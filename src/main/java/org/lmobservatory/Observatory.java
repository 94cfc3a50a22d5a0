package org.lmobservatory;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import org.lmobservatory.calendar.CalendarRoutes;
import org.lmobservatory.calendar.CalendarService;
import org.lmobservatory.catalogue.CatalogueRoutes;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.config.AppConfig;
import org.lmobservatory.db.Database;
import org.lmobservatory.db.Json;
import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.dcat.DcatCatalogue;
import org.lmobservatory.dcat.DcatRoutes;
import org.lmobservatory.feeds.FeedRoutes;
import org.lmobservatory.webhooks.Subscriptions;
import org.lmobservatory.webhooks.WebhookDispatcher;
import org.lmobservatory.webhooks.WebhookRoutes;
import org.lmobservatory.webhooks.WebhookSettings;
import org.lmobservatory.observations.http.BulkDownloads;
import org.lmobservatory.observations.http.DownloadRoutes;
import org.lmobservatory.observations.http.CsvMetadataRoutes;
import org.lmobservatory.observations.http.ObservationRoutes;
import org.lmobservatory.observations.http.ObservationParameters;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.releases.Activator;
import org.lmobservatory.releases.ReleaseHistory;
import org.lmobservatory.releases.CurrentReleases;
import org.lmobservatory.releases.ReleaseListener;
import org.lmobservatory.releases.ReleaseDao;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.releases.http.ReleaseRoutes;
import org.lmobservatory.web.AllowedMethods;
import org.lmobservatory.web.DocsPolicy;
import org.lmobservatory.web.HeadRequests;
import org.lmobservatory.web.Observability;
import org.lmobservatory.web.OpenDataHeaders;
import org.lmobservatory.web.JettyProblems;
import org.lmobservatory.web.ResponseCache;
import org.lmobservatory.web.ServerThreads;
import org.lmobservatory.formats.FormatSchemas;
import org.lmobservatory.web.OpenApiContract;
import org.lmobservatory.web.ProblemHandlers;
import org.lmobservatory.web.QueryStringGuard;
import org.lmobservatory.web.RateLimits;
import org.lmobservatory.web.FrontCache;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.servlet.FilterHolder;
import java.util.EnumSet;
import org.lmobservatory.portal.PortalRoutes;
import org.lmobservatory.publishing.PublishingRoutes;
import org.lmobservatory.publishing.PublishingService;
import org.lmobservatory.publishing.PublishingSettings;
import org.lmobservatory.web.RouteSet;
import org.lmobservatory.sdmx.SdmxRoutes;
import org.lmobservatory.web.SystemRoutes;
import org.lmobservatory.widgets.WidgetRoutes;

import java.util.List;

/** The composition root: builds every feature by hand and returns the configured server. Main and tests use it. */
public final class Observatory implements AutoCloseable {
    public static final String OPENAPI_PATH = "/openapi.json";
    public static final String DOCS_PATH = "/docs";

    private final AppConfig config;
    private final Database database;
    private final CatalogueService catalogue;
    private final Javalin app;
    private final CurrentReleases releases;
    private final ResponseCache cache;
    private final ReleaseListener listener;
    private final Activator activator;
    private final QueryAdmission admission;
    private final WebhookDispatcher webhooks;

    public Observatory(AppConfig config, Database database) {
        this(config, database, BulkDownloads.Storage.DISK);
    }

    /** {@code downloadStorage}: how bulk download files are opened for writing; tests pass one that fills the disk. */
    public Observatory(AppConfig config, Database database, BulkDownloads.Storage downloadStorage) {
        this.config = config;
        this.database = database;
        Observability observability = new Observability();
        this.admission = new QueryAdmission(config.limits().maxConcurrentQueries(), config.limits().queryWaitMillis(),
                config.limits().maxWaitingQueries(), observability::overloaded);
        this.catalogue = new CatalogueService(database.lookups(), admission);
        this.releases = new CurrentReleases(database.lookups().onDemand(ReleaseDao.class), admission);
        this.cache = new ResponseCache(config.cacheBytes());
        releases.onChange(cache::evictDataset);
        releases.onChange(id -> catalogue.invalidate());
        this.listener = new ReleaseListener(database, releases, () -> {
            cache.evictAll();
            catalogue.invalidate();
        }, catalogue::groupingsChanged);
        // Scheduled releases become current at their instant; every instance competes, exactly one wins each release.
        this.activator = new Activator(database.owner());
        ObservationService observations = new ObservationService(database.api(), catalogue, config.limits(), config.baseUrl(), admission);
        ReleaseResolver resolver = new ReleaseResolver(releases, database.lookups(), admission, database.primaryLookups(), database.replicas());
        // Reads moved between the primary and a replica: what this node holds of the old one is read again from the new.
        database.replicas().onSwitch(() -> {
            releases.reloadAll();
            catalogue.invalidate();
        });
        BulkDownloads downloads = new BulkDownloads(config.dataDir().resolve("downloads"), observations, downloadStorage);
        WebhookSettings webhookSettings = WebhookSettings.fromEnvironment();
        this.webhooks = new WebhookDispatcher(database.owner(), webhookSettings, config.baseUrl());
        AllowedMethods allowedMethods = new AllowedMethods();
        observability.admission(admission);
        cache.bindTo(observability.registry());
        observability.pool("api", database.apiPoolStats());
        observability.replicas(database.replicas());
        // Every feature's part of the server, in order. Before-handlers run in the order listed: the request id first,
        // then CORS, so that even a 429 carries both; then the rate limit, then the query-string guard.
        RateLimits rateLimits = new RateLimits(config.limits().requestsPerMinute(), observability::rateLimited);
        // Repeats of cached answers skip routing and parsing; tied to the response cache, so evicted with it.
        FrontCache frontCache = new FrontCache(config.cacheBytes() / 4, cache, this::currentReleaseId, database.apiBreaker()::failing,
                catalogue::generation, rateLimits, observability);
        ObservationRoutes observationRoutes = new ObservationRoutes(observations, resolver, cache, database.apiBreaker()::failing);
        CalendarService calendar = new CalendarService(database.lookups(), catalogue, admission, config.baseUrl());
        List<RouteSet> features = List.of(
                new ProblemHandlers(Json.MAPPER, config.baseUrl(), allowedMethods),
                observability,
                routing -> OpenDataHeaders.register(routing, allowedMethods),
                rateLimits,
                QueryStringGuard::register,
                new SystemRoutes(database.primaryApi(), config.limits(), database.apiBreaker()::open, downloads::unwritable,
                        () -> database.replicas().configured() ? database.replicas().status() : null)
                        .withWebhookSubscriptionsPerClient(webhookSettings.maxPerClient()),
                routing -> DocsPolicy.register(routing, DOCS_PATH),
                new CatalogueRoutes(catalogue),
                observationRoutes,
                new DownloadRoutes(catalogue, resolver, downloads),
                new CsvMetadataRoutes(observations, catalogue, resolver, config.baseUrl()),
                new WidgetRoutes(catalogue, observations, resolver),
                new PortalRoutes(catalogue, observations, calendar, new ReleaseHistory(database.lookups(), admission), config.baseUrl()),
                new ReleaseRoutes(database.api(), database.lookups(), catalogue, config.baseUrl(), admission),
                // The publisher API writes (staging, releases) and reads tokens: the owner's pool, not the API role's.
                new PublishingRoutes(new PublishingService(database.owner(), PublishingSettings.from(System.getenv()),
                        config.dataDir().resolve("uploads"), config.baseUrl()),
                        new ObservationService(database.owner(), new CatalogueService(database.owner()), config.limits(), config.baseUrl(), admission)),
                new CalendarRoutes(calendar, config.baseUrl()),
                new DcatRoutes(new DcatCatalogue(catalogue, database.lookups(), admission, config.baseUrl())),
                new FeedRoutes(catalogue, database.lookups(), admission, config.baseUrl()),
                new WebhookRoutes(new Subscriptions(database.owner(), catalogue, webhookSettings, config.baseUrl())),
                new SdmxRoutes(catalogue, observations, observationRoutes));
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            c.http.defaultContentType = "application/json";
            // Another method on a served path is a 405 with Allow, not a 404 that says the path does not exist.
            c.http.prefer405over404 = true;
            // Observation answers are gzipped once when cached; Javalin must not compress them again.
            c.http.disableCompression();
            c.jetty.threadPool = ServerThreads.pool(admission);
            // Jetty's own errors (414, 431, malformed requests) as problem+json; room in a GET for the promised code lists.
            JettyProblems.install(c, Json.MAPPER, config.baseUrl());
            c.jetty.modifyServletContextHandler(context -> context.addFilter(new FilterHolder(frontCache), "/v1/*",
                    EnumSet.of(DispatcherType.REQUEST)));
            c.registerPlugin(new OpenApiPlugin(openapi -> openapi
                    .withDocumentationPath(OPENAPI_PATH)
                    .withPrettyOutput()
                    .withDefinitionConfiguration((version, definition) -> definition
                            .withDefinitionProcessor(new OpenApiContract(FormatSchemas::addTo, ObservationRoutes::addSchemasTo)
                                    .withServer(config.baseUrl()).withDocument(ObservationParameters::addTo))
                            .withInfo(info -> {
                        info.setTitle("Labour Market Observatory API");
                        info.setVersion("1");
                        info.setDescription("Open labour-market and VET indicators for Kosovo, Finland, Bulgaria, Poland and Czechia. "
                                + "All responses are open data (see each dataset's licence). Errors are RFC 9457 problem+json.");
                    }))));
            c.registerPlugin(new SwaggerPlugin(swagger -> {
                swagger.setUiPath(DOCS_PATH);
                swagger.setDocumentationPath(OPENAPI_PATH);
                swagger.setTitle("Labour Market Observatory API");
                swagger.setValidatorUrl(null);
            }));
            // Everything is declared here, up front: nothing is added to the built app (Javalin 7 allows no more).
            c.router.mount(routing -> features.forEach(feature -> feature.register(routing)));
            // Last, so that it sees every GET route, the plugins' too (see HeadRequests).
            c.registerPlugin(new HeadRequests());
        });
        allowedMethods.bind(app);
    }

    /** The dataset's current release id, or -1 when it has none or it cannot be told now. */
    private long currentReleaseId(String datasetId) {
        try {
            return releases.of(datasetId).id();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public Observatory start() {
        listener.start();
        app.start(config.port());
        activator.start();
        webhooks.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    public Javalin app() {
        return app;
    }

    public CatalogueService catalogue() {
        return catalogue;
    }

    public Database database() {
        return database;
    }

    public ResponseCache cache() {
        return cache;
    }

    @Override
    public void close() {
        activator.close();
        listener.close();
        webhooks.close();
        app.stop();
    }
}
