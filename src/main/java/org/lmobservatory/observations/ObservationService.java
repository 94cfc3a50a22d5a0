package org.lmobservatory.observations;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.config.AppConfig.Limits;
import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.releases.Citation;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseDao;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.web.CanonicalQuery;
import org.lmobservatory.web.Languages;
import org.lmobservatory.errors.ErrorKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Facade of the observation query: parse → plan (matching series of the release, size check) → stream rows to a
 * consumer from a cursor, all in one read-only snapshot. The caller names the release, so what it promises in
 * its headers (ETag, release id) is exactly what the body holds.
 */
public final class ObservationService {
    /** A worksheet holds 1,048,576 rows, one of them the header. */
    private static final long XLSX_MAX_DATA_ROWS = 1_048_575;

    /** Says how group values were made, in every answer that has them. */
    private static final String GROUP_NOTE = "Values of groups of grouping %s (version %d) are computed from the published values of "
            + "their members for the periods each group is valid: counts summed, ratios recomputed from the summed numerators and "
            + "denominators. Flag i: a member had no value for the period; an aggregate over a confidential member is withheld (c).";

    private final Jdbi jdbi;
    private final CatalogueService catalogue;
    private final ObservationQueryParser parser;
    private final ObservationRepository repository = new ObservationRepository();
    private final Limits limits;
    private final String baseUrl;
    private final QueryAdmission admission;
    /**
     * Whether a release had disclosure control, by release id: written with the release before it can be read and
     * never changed after, so asked once per release rather than once per query (a round trip on every uncached answer).
     */
    private final com.github.benmanes.caffeine.cache.Cache<Long, Boolean> disclosureControlled =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    public ObservationService(Jdbi jdbi, CatalogueService catalogue, Limits limits) {
        this(jdbi, catalogue, limits, "", QueryAdmission.unlimited());
    }

    /**
     * baseUrl: the public URL of the API, for the permanent URL in citations; admission: the gate every query of this
     * facade passes (callers answer from their caches first, so only real database work waits there).
     */
    public ObservationService(Jdbi jdbi, CatalogueService catalogue, Limits limits, String baseUrl, QueryAdmission admission) {
        this.jdbi = jdbi;
        this.admission = admission;
        this.catalogue = catalogue;
        this.limits = limits;
        this.baseUrl = baseUrl;
        this.parser = new ObservationQueryParser(catalogue::codelist, catalogue::groupings, limits);
    }

    /** Rows of a JSON page read in one go, without a cursor (the default page size). */
    private static final int UNCURSORED_PAGE_ROWS = 10_000;

    public interface ResultConsumer {
        void accept(ObservationResult result) throws Exception;
    }

    public ObservationQuery parse(String datasetId, Map<String, List<String>> params, String accept) {
        Dataset dataset = catalogue.dataset(datasetId);
        return parser.parse(dataset, params, accept);
    }

    /**
     * A page of JSON runs without a transaction: its statements read one release, whose visible rows no publish,
     * rollback or cancel changes (they only close versions at a later release or remove a later release's own), and
     * a page of the default size or less is small enough to read without a cursor. That saves the COMMIT round trip on
     * every uncached page (issue 16's uncached target). Whole-result formats stream from a cursor, which PostgreSQL's
     * driver opens only in a transaction.
     */
    public void run(ObservationQuery query, Release release, String selfPath, ResultConsumer consumer) throws Exception {
        run(query, release, selfPath, null, consumer);
    }

    /**
     * As {@link #run(ObservationQuery, Release, String, ResultConsumer)}, with only the cells changed since changedSince
     * (null: every cell): those a release published after it wrote, and, in SDMX-CSV 2.0, those such a release deleted.
     */
    public void run(ObservationQuery query, Release release, String selfPath, Instant changedSince, ResultConsumer consumer) throws Exception {
        if (query.format().paged() && query.page().limit() <= UNCURSORED_PAGE_ROWS) {
            admission.run(() -> jdbi.useHandle(h -> execute(h, query, release, selfPath, true, changedSince, consumer)));
        } else {
            admission.run(() -> jdbi.useTransaction(h -> execute(h, query, release, selfPath, true, changedSince, consumer)));
        }
    }

    /** The whole release without the cell limit: for bulk downloads, which are written once per release. */
    public void export(Dataset dataset, Release release, ResultConsumer consumer) throws Exception {
        ObservationQuery all = parser.parse(dataset, Map.of("format", List.of("csv")), null);
        admission.run(() -> jdbi.useTransaction(h -> execute(h, all, release, "", false, null, consumer)));
    }

    private void execute(Handle h, ObservationQuery query, Release release, String selfPath, boolean limited, Instant changedSince,
                         ResultConsumer consumer) throws Exception {
        Dataset dataset = query.dataset();
        List<Integer> sizes = query.codelists().stream().map(c -> c.codes().size()).toList();
        GroupAggregation.Plan groups = null;
        List<SeriesKey> series;
        if (query.aggregation() == null) {
            // A series the release no longer has may still have had cells deleted since changedSince (said in SDMX-CSV 2.0 only).
            series = new ArrayList<>(changedSince != null && query.format() == OutputFormat.SDMX_CSV
                    ? repository.everMatchingSeries(h, dataset.id(), query.codeFilters(), sizes)
                    : repository.matchingSeries(h, release.id(), query.codeFilters(), sizes));
            series.sort(outputOrder(query.codelists()));
        } else {
            List<SeriesKey> members = repository.matchingSeries(h, release.id(), GroupAggregation.memberFilters(query), sizes);
            groups = GroupAggregation.plan(query, members, outputOrder(query.codelists()));
            series = groups.series();
        }
        TimeFilter.Window window = query.time().resolve(release, dataset.frequency());
        long periods = window.periodsIn(release, dataset.frequency());
        long cells = series.size() * periods;
        if (limited) checkLimit(query, query.format() == OutputFormat.JSONSTAT ? cubeCells(series, periods) : cells);
        List<String> warnings = new ArrayList<>();
        if (series.isEmpty() || periods == 0) {
            warnings.add("No observations match this query. The dataset's codes and time coverage are at /v1/datasets/" + dataset.id() + ".");
        }
        Citation citation = Citation.of(baseUrl, "/v1/datasets/" + dataset.id() + "/observations", query.canonicalWithoutCursor(),
                Languages.pick(dataset.title(), query.lang()), release, dataset.source(), dataset.licence());
        if (!query.release().current() && h.attach(ReleaseDao.class).current(dataset.id()).filter(c -> c.id() != release.id()).isPresent()) {
            warnings.add("These are the numbers of release " + release.id() + ", which is not the current release; all releases are at "
                    + ReleaseResolver.releasesPath(dataset.id()) + ".");
        }
        if (groups != null) warnings.add(GROUP_NOTE.formatted(query.aggregation().grouping().id(), query.aggregation().grouping().version()));
        boolean confidentiality = disclosureControlled.get(release.id(), id -> !h.attach(ReleaseDao.class).audit(id).isEmpty());
        CanonicalQuery canonical = query.canonicalWithoutCursor();
        String self = canonical.isEmpty() ? selfPath : selfPath + "?" + canonical.encoded();
        try (Stream<ObservationRow> rows = changedSince != null && groups == null ? changedRows(h, query, release, series, window, periods, changedSince)
                : groups == null ? rows(h, query, release, series, window, periods)
                : groupRows(h, query, release, groups, window, periods)) {
            consumer.accept(new ObservationResult(query, release, series, rows, warnings, cells, self, citation, confidentiality));
        }
    }

    private Stream<ObservationRow> rows(Handle h, ObservationQuery query, Release release, List<SeriesKey> series,
                                        TimeFilter.Window window, long periods) {
        if (series.isEmpty() || periods == 0) return Stream.empty();
        if (!query.format().paged()) return repository.cells(h, release.id(), series, window.from(), window.toExclusive());
        Page page = query.page();
        return repository.cells(h, release.id(), series, window.from(), window.toExclusive(),
                page.startSeries(), page.afterPeriod(), page.limit() + 1L);
    }

    /** Only SDMX-CSV 2.0 can say a cell was deleted (ACTION D); the other formats get the added and revised cells only. */
    private Stream<ObservationRow> changedRows(Handle h, ObservationQuery query, Release release, List<SeriesKey> series,
                                               TimeFilter.Window window, long periods, Instant since) {
        if (series.isEmpty() || periods == 0) return Stream.empty();
        return repository.changedCells(h, query.dataset().id(), release.id(), series, since, query.format() == OutputFormat.SDMX_CSV,
                window.from(), window.toExclusive());
    }

    private Stream<ObservationRow> groupRows(Handle h, ObservationQuery query, Release release, GroupAggregation.Plan plan,
                                             TimeFilter.Window window, long periods) {
        if (plan.series().isEmpty() || periods == 0) return Stream.empty();
        if (!query.format().paged()) {
            return repository.aggregatedCells(h, release.id(), plan, window.from(), window.toExclusive(), 0, null, Long.MAX_VALUE);
        }
        Page page = query.page();
        return repository.aggregatedCells(h, release.id(), plan, window.from(), window.toExclusive(),
                page.startSeries(), page.afterPeriod(), page.limit() + 1L);
    }

    /** Paged formats are bounded by their page size; whole-result formats by the cell limit. */
    private void checkLimit(ObservationQuery query, long cells) {
        if (query.format().paged()) return;
        long limit = query.format().download() ? limits.maxCellsCsv() : limits.maxCellsJson();
        if (query.format() == OutputFormat.XLSX) limit = Math.min(limit, XLSX_MAX_DATA_ROWS);
        if (cells > limit) {
            String id = query.dataset().id();
            throw ErrorKind.TOO_MANY_CELLS.error(
                    "This query could return up to " + cells + " cells; the limit for " + query.format().parameter()
                            + " is " + limit + ". Narrow it with dimension or time filters, use format=csv (limit "
                            + limits.maxCellsCsv() + "), page through it as JSON (limit and the next link), "
                            + "or download the whole dataset.",
                    Map.of("cells", cells, "limit", limit, "limits", "/v1/limits",
                            "download", "/v1/datasets/" + id + "/download"));
        }
    }

    /**
     * JSON-stat is a dense cube: every combination of the codes that occur, times the periods, whether a series
     * exists for it or not.
     */
    private static long cubeCells(List<SeriesKey> series, long periods) {
        if (series.isEmpty()) return 0;
        long cells = periods;
        for (int d = 0; d < series.get(0).codes().size(); d++) {
            int dimension = d;
            cells *= series.stream().map(s -> s.codes().get(dimension)).distinct().count();
        }
        return cells;
    }

    private static Comparator<SeriesKey> outputOrder(List<Codelist> codelists) {
        return (a, b) -> {
            for (int i = 0; i < codelists.size(); i++) {
                int c = Integer.compare(codelists.get(i).sortOrder(a.codes().get(i)), codelists.get(i).sortOrder(b.codes().get(i)));
                if (c != 0) return c;
                c = a.codes().get(i).compareTo(b.codes().get(i));
                if (c != 0) return c;
            }
            return 0;
        };
    }
}
