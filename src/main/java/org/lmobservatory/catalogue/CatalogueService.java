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

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Facade over catalogue metadata. Metadata and codelists are cached briefly (they change only when a data owner
 * re-defines a dataset); which release is current is always read from the database.
 */
public final class CatalogueService {
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
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

    /**
     * The datasets of a theme (null: all) matching free text (null or blank: all, in id order); with text, best match
     * first. The text is matched in the database over titles, descriptions, keywords and the labels of the codes each
     * current release uses, in every language ({@code published.dataset_search}).
     */
    public List<Dataset> search(String theme, String q) {
        List<String> words = words(q);
        List<String> ids = q == null || q.isBlank() ? admission.get(repository::datasetIds)
                : words.isEmpty() ? List.of() : admission.get(() -> repository.search(words));
        return ids.stream()
                .map(this::dataset)
                .filter(d -> theme == null || d.theme().equals(theme))
                .toList();
    }

    /**
     * The query's words: split at anything but letters and digits, so "labour-market" and "Helsinki, Uusimaa" are two
     * words each. One-letter words are dropped: "i" (Polish "and") would be similar to too much. At most
     * {@value #MAX_WORDS} words, each at most {@value #MAX_WORD_LENGTH} characters, bound what one query costs.
     */
    static List<String> words(String q) {
        if (q == null) return List.of();
        return java.util.Arrays.stream(q.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.codePointCount(0, w.length()) > 1)
                .map(w -> w.length() > MAX_WORD_LENGTH ? w.substring(0, MAX_WORD_LENGTH) : w)
                .distinct()
                .limit(MAX_WORDS)
                .toList();
    }

    private static final int MAX_WORDS = 8;
    private static final int MAX_WORD_LENGTH = 64;

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

    /**
     * Forget cached groupings: a grouping was loaded again, here or in another process (the loader's NOTIFY, see
     * releases/ReleaseListener). The answers' cache keys carry the grouping's version, so they need no eviction.
     */
    public void groupingsChanged() {
        generation.incrementAndGet();
        groupings.invalidateAll();
    }

    /** Forget cached metadata, e.g. after a definition was loaded in this process. */
    public void invalidate() {
        generation.incrementAndGet();
        datasets.invalidateAll();
        codelists.invalidateAll();
        groupings.invalidateAll();
    }

    /**
     * Counts the times cached metadata was forgotten. What was derived from the catalogue before a change (e.g. an
     * answer repeated before routing, web/FrontCache, whose key knows nothing of groupings' versions) is stale after it.
     */
    public long generation() {
        return generation.get();
    }
}
