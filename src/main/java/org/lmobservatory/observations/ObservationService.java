package org.lmobservatory.observations;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.config.AppConfig.Limits;
import org.lmobservatory.releases.Citation;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseRepository;
import org.lmobservatory.releases.ReleaseSelection;
import org.lmobservatory.web.Languages;
import org.lmobservatory.web.ProblemException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Facade of the observation query: parse → plan (release, matching series, size check) → stream rows to a
 * consumer, all in one read-only snapshot so a publish in the middle is never half-visible.
 */
public final class ObservationService {
    private final Jdbi jdbi;
    private final CatalogueService catalogue;
    private final ObservationQueryParser parser;
    private final ObservationRepository repository = new ObservationRepository();
    private final Limits limits;
    private final String baseUrl;

    public ObservationService(Jdbi jdbi, CatalogueService catalogue, Limits limits) {
        this(jdbi, catalogue, limits, "");
    }

    /** baseUrl: the public URL of the API, for the permanent URL in citations. */
    public ObservationService(Jdbi jdbi, CatalogueService catalogue, Limits limits, String baseUrl) {
        this.jdbi = jdbi;
        this.catalogue = catalogue;
        this.limits = limits;
        this.baseUrl = baseUrl;
        this.parser = new ObservationQueryParser(catalogue::codelist, limits);
    }

    public interface ResultConsumer {
        void accept(ObservationResult result) throws Exception;
    }

    public ObservationQuery parse(String datasetId, Map<String, List<String>> params, String accept) {
        Dataset dataset = catalogue.dataset(datasetId);
        return parser.parse(dataset, params, accept);
    }

    public void run(ObservationQuery query, ResultConsumer consumer) throws Exception {
        jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> execute(h, query, consumer));
    }

    private void execute(Handle h, ObservationQuery query, ResultConsumer consumer) throws Exception {
        Dataset dataset = query.dataset();
        Release release = ReleaseSelection.resolve(h, dataset.id(), query.release());
        List<SeriesKey> series = new ArrayList<>(repository.matchingSeries(h, release.id(), query.codeFilters()));
        series.sort(outputOrder(query.codelists()));
        TimeFilter.Window window = query.time().resolve(release, dataset.frequency());
        long periods = window.periodsIn(release, dataset.frequency());
        long cells = series.size() * periods;
        checkLimit(query, cells);
        List<String> warnings = new ArrayList<>();
        if (series.isEmpty() || periods == 0) {
            warnings.add("No observations match this query. The dataset's codes and time coverage are at /v1/datasets/" + dataset.id() + ".");
        }
        Citation citation = Citation.of(baseUrl, "/v1/datasets/" + dataset.id() + "/observations", query.canonicalQuery(),
                Languages.pick(dataset.title(), query.lang()), release, dataset.source(), dataset.licence());
        if (!query.release().current() && ReleaseRepository.current(h, dataset.id()).filter(c -> c.id() != release.id()).isPresent()) {
            warnings.add("These are the numbers of release " + release.id() + ", which is not the current release; all releases are at "
                    + ReleaseSelection.releasesPath(dataset.id()) + ".");
        }
        boolean confidentiality = !ReleaseRepository.audit(h, List.of(release.id())).isEmpty();
        try (var rows = series.isEmpty() || periods == 0 ? java.util.stream.Stream.<ObservationRow>empty()
                : repository.cells(h, release.id(), series, window.from(), window.toExclusive())) {
            consumer.accept(new ObservationResult(query, release, series, rows, warnings, citation, confidentiality));
        }
    }

    private void checkLimit(ObservationQuery query, long cells) {
        long limit = query.format() == OutputFormat.CSV ? limits.maxCellsCsv() : limits.maxCellsJson();
        if (cells > limit) {
            String id = query.dataset().id();
            throw new ProblemException(413, "too-many-cells", "Query too large",
                    "This query could return up to " + cells + " cells; the limit for " + query.format().extension()
                            + " is " + limit + ". Narrow it with dimension or time filters, use format=csv (limit "
                            + limits.maxCellsCsv() + "), or download the whole dataset.",
                    Map.of("cells", cells, "limit", limit, "limits", "/v1/limits",
                            "download", "/v1/datasets/" + id + "/observations?format=csv"));
        }
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
