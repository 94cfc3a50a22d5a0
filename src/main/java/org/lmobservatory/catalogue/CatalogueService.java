package org.lmobservatory.catalogue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.db.QueryAdmission;
import org.lmobservatory.disclosure.DisclosureView;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseDao;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.LastKnown;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facade over catalogue metadata. Metadata and codelists are cached briefly (they change only when a data owner
 * re-defines a dataset); which release is current is always read from the database.
 */
public final class CatalogueService {
    private final CatalogueRepository repository;
    private final QueryAdmission admission;
    private final ReleaseDao releases;
    private final LoadingCache<String, Optional<Dataset>> datasets;
    private final LoadingCache<String, Optional<Codelist>> codelists;
    private final LoadingCache<String, List<Grouping>> groupings;
    private final LoadingCache<ReleaseDimension, Set<String>> releaseCodes;
    private final LoadingCache<Long, Optional<DisclosureView>> disclosure;

    public CatalogueService(Jdbi jdbi) {
        this(jdbi, QueryAdmission.unlimited());
    }

    /**
     * admission: the API's gate for database queries. Every read of the database passes it (only misses of the caches
     * below read it): a flood of made-up dataset or codelist ids would otherwise be a flood of uncounted queries.
     */
    public CatalogueService(Jdbi jdbi, QueryAdmission admission) {
        this.repository = new CatalogueRepository(jdbi);
        this.admission = admission;
        this.releases = jdbi.onDemand(ReleaseDao.class);
        // The last known metadata answers while the database is unreachable, so cached observations can still be served.
        // Metadata older than the refresh interval is reloaded in the background while the old value keeps answering,
        // so a request for a cached observation never waits at the admission gate for it; expiry is only the bound.
        this.datasets = Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(30)).expireAfterWrite(Duration.ofMinutes(10))
                .maximumSize(10_000)
                .build(new LastKnown<>(id -> admission.get(() -> repository.dataset(id)), 10_000));
        this.codelists = Caffeine.newBuilder().refreshAfterWrite(Duration.ofMinutes(5)).expireAfterWrite(Duration.ofMinutes(30))
                .maximumSize(1_000)
                .build(new LastKnown<>(id -> admission.get(() -> repository.codelist(id)), 1_000));
        this.groupings = Caffeine.newBuilder().refreshAfterWrite(Duration.ofMinutes(5)).expireAfterWrite(Duration.ofMinutes(30))
                .maximumSize(1_000)
                .build(new LastKnown<>(id -> admission.get(() -> repository.groupings(id)), 1_000));
        // A release never changes, so what it holds can be cached until evicted by size.
        this.releaseCodes = Caffeine.newBuilder().maximumSize(10_000)
                .build(key -> admission.get(() -> repository.codesInRelease(key.releaseId(), key.position())));
        this.disclosure = Caffeine.newBuilder().maximumSize(10_000)
                .build(id -> admission.get(() -> Optional.of(releases.audit(id)).filter(a -> !a.isEmpty()).map(DisclosureView::of)));
    }

    private record ReleaseDimension(long releaseId, int position) {
    }

    public Dataset dataset(String id) {
        return datasets.get(id).orElseThrow(() -> ErrorKind.UNKNOWN_DATASET.error(
                "There is no dataset '" + id + "'. The catalogue is at /v1/datasets."));
    }

    public List<Dataset> search(String theme, String q) {
        String needle = q == null ? null : fold(q);
        return admission.get(repository::datasetIds).stream()
                .map(this::dataset)
                .filter(d -> theme == null || d.theme().equals(theme))
                .filter(d -> needle == null || matches(d, needle))
                .toList();
    }

    public Codelist codelist(String id) {
        return codelists.get(id).orElseThrow(() -> ErrorKind.UNKNOWN_CODELIST.error(
                "There is no codelist '" + id + "'. Known codelists: " + String.join(", ", admission.get(repository::codelistIds)) + "."));
    }

    public Codelist codelistOf(Dimension dimension) {
        return codelist(dimension.codelistId());
    }

    /** The groupings users defined over a codelist, each in its newest version (empty when there are none). */
    public List<Grouping> groupings(String codelistId) {
        return groupings.get(codelistId);
    }

    public Optional<Release> currentRelease(String datasetId) {
        return admission.get(() -> releases.current(datasetId));
    }

    /** How a release was protected, if it was published under disclosure control. A release never changes: cached. */
    public Optional<DisclosureView> disclosure(long releaseId) {
        return disclosure.get(releaseId);
    }

    public Set<String> codesInRelease(long releaseId, Dimension dimension) {
        return releaseCodes.get(new ReleaseDimension(releaseId, dimension.position()));
    }

    /** Forget cached metadata, e.g. after a definition was loaded in this process. */
    public void invalidate() {
        datasets.invalidateAll();
        codelists.invalidateAll();
        groupings.invalidateAll();
    }

    private static boolean matches(Dataset d, String needle) {
        for (Map<String, String> texts : List.of(d.title(), d.description())) {
            for (String text : texts.values()) if (fold(text).contains(needle)) return true;
        }
        for (String k : d.keywords()) if (fold(k).contains(needle)) return true;
        return fold(d.id()).contains(needle);
    }

    /** Case- and accent-insensitive form, so "tyottomat" finds "työttömät" and "zamestnanost" finds "zaměstnanost". */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
