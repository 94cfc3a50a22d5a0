package org.lmobservatory.releases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.db.Json;
import org.lmobservatory.errors.ErrorKind;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may read a scheduled release before its instant: the publisher tokens named for it, by token id or by owner
 * name (every token of that owner). A release with no list keeps the rule it had before lists existed: every holder
 * of a load token for the dataset. An empty list: nobody. Named at scheduling (command line --pre-release-reader,
 * publisher API preReleaseReaders) and changeable until the instant; after it the release is public and the list moot.
 * Names must match an active load token for the dataset when named, so a typo is refused rather than locking out the
 * reviewer it meant. They are checked against publishing.token here, so the command line and the API check alike.
 */
public final class PreReleaseReaders {
    /** More would not be a pre-release list but a publication; also bounds the request. */
    public static final int MAX_READERS = 100;
    private static final int MAX_NAME = 200;

    private final Jdbi owner;

    public PreReleaseReaders(Jdbi ownerJdbi) {
        this.owner = ownerJdbi;
    }

    /** The names listed for the release; empty when none were (the default rule applies). */
    public Optional<List<String>> of(long releaseId) {
        return owner.withExtension(PreReleaseReaderDao.class, dao -> dao.readers(releaseId)).map(PreReleaseReaders::parse);
    }

    /**
     * Whether a token (its id and owner) may read the release before its instant, given that it covers the dataset with
     * scope load: yes when no list was named, else only when the list names its id or its owner.
     */
    public static boolean admits(Optional<List<String>> named, String tokenId, String tokenOwner) {
        return named.map(list -> list.contains(tokenId) || list.contains(tokenOwner)).orElse(true);
    }

    /** Trimmed, distinct, checked names, or a 400 problem that names the unknown ones (member: the request's field). */
    public List<String> check(String datasetId, List<String> names, String member) {
        if (names.size() > MAX_READERS) {
            throw ErrorKind.INVALID_BODY.error("At most " + MAX_READERS + " pre-release readers can be named; got " + names.size() + ".", Map.of("member", member));
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank() || n.strip().length() > MAX_NAME) {
                throw ErrorKind.INVALID_BODY.error("A pre-release reader is a token id or a token owner's name (1 to " + MAX_NAME
                        + " characters); got " + (n == null ? "null" : "'" + n + "'") + ".", Map.of("member", member));
            }
            clean.add(n.strip());
        }
        List<String> list = List.copyOf(clean);
        List<String> unknown = owner.withExtension(PreReleaseReaderDao.class, dao -> dao.unknown(datasetId, list.toArray(String[]::new)));
        if (!unknown.isEmpty()) {
            throw ErrorKind.INVALID_BODY.error("Not the id or owner of an active token with scope load for dataset '" + datasetId + "': "
                    + String.join(", ", unknown) + ". Pre-release readers are named by token id (as 'token list' shows it) or owner name.",
                    Map.of("member", member, "unknown", unknown));
        }
        return list;
    }

    /** Names the readers of a release, in the caller's transaction (the one that schedules it, or a later change). */
    public static void name(Handle h, long releaseId, List<String> checked) {
        h.attach(PreReleaseReaderDao.class).name(releaseId, checked.toArray(String[]::new));
    }

    /** Back to the default rule: every holder of a load token for the dataset. */
    public static void clear(Handle h, long releaseId) {
        h.attach(PreReleaseReaderDao.class).clear(releaseId);
    }

    /**
     * Replaces the list of a release that is still scheduled (null: back to the default), under the dataset's lock so
     * it cannot interleave with the activation; a published or cancelled release is a 409, another dataset's a 404.
     */
    public Optional<List<String>> change(String datasetId, long releaseId, List<String> checked) {
        return owner.inTransaction(h -> {
            DatasetLock.acquireForTransaction(h, datasetId);
            ScheduleDao.Scheduled release = h.attach(ScheduleDao.class).byId(releaseId).filter(r -> r.datasetId().equals(datasetId))
                    .orElseThrow(() -> ErrorKind.UNKNOWN_RELEASE.error("Dataset '" + datasetId + "' has no release " + releaseId
                            + ". Scheduled releases are listed at /v1/calendar?dataset=" + datasetId + ".", Map.of("calendar", "/v1/calendar?dataset=" + datasetId)));
            if (!"scheduled".equals(release.status())) {
                throw ErrorKind.RELEASE_NOT_SCHEDULED.error("Release " + releaseId + " of " + datasetId + " is " + release.status()
                        + ", not scheduled: pre-release readers can only be named before the instant.", Map.of("releaseStatus", release.status()));
            }
            if (checked == null) clear(h, releaseId);
            else name(h, releaseId, checked);
            return Optional.ofNullable(checked);
        });
    }

    private static List<String> parse(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("publishing.release_reader holds no JSON array: " + json, e);
        }
    }
}
