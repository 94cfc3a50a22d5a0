package org.lmobservatory.publishing;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.releases.PreReleaseReaders;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.releases.ReleaseResolver;
import org.lmobservatory.releases.Schedule;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Facade of the publisher API: every request authenticates its bearer token, checks that it covers the dataset and
 * action, does the work with the same loader and publisher as the command line, and leaves one audit row, refusals
 * included. A refusal happens before anything is read or written, so staging and releases stay as they were.
 */
public final class PublishingService {
    private final Jdbi owner;
    private final Tokens tokens;
    private final Uploads uploads;
    private final UploadReports reports;
    private final String baseUrl;
    private final PreReleaseReaders preReleaseReaders;

    /** owner: the owner's connections (staging, publishing); the API role can do neither. */
    public PublishingService(Jdbi owner, PublishingSettings settings, java.nio.file.Path uploadDir, String baseUrl) {
        this.owner = owner;
        this.tokens = new Tokens(owner);
        this.uploads = new Uploads(uploadDir, settings.maxUploadBytes());
        this.reports = new UploadReports(owner, settings.sampleLimit());
        this.baseUrl = baseUrl;
        this.preReleaseReaders = new PreReleaseReaders(owner);
    }

    /** Who is asking: the Authorization header as sent, and the client's address for the audit. */
    public record Caller(String authorization, String remoteAddress) {
    }

    /** Streams the body to a temporary file, loads it into staging (never published) and reports on it. */
    public UploadReport upload(Caller caller, String datasetId, InputStream body, String fileName, Optional<String> format) {
        return audited(caller, "upload", datasetId, Scope.LOAD, (token, audit) -> {
            Dataset dataset = new CatalogueService(owner).dataset(datasetId);
            try (Uploads.Received file = uploads.receive(body, fileName)) {
                audit.checksum = file.checksum();
                LoadOptions options = format.map(LoadOptions.defaults()::withFormat).orElse(LoadOptions.defaults());
                LoadReport loaded = new LoadService(owner).load(datasetId, file.path(), options);
                if (loaded.status() == LoadReport.Status.UNCHANGED) {
                    return new UploadReport(null, datasetId, "unchanged", file.path().getFileName().toString(), null, file.checksum(),
                            0, 0, java.util.List.of(), null, null, loaded.message());
                }
                audit.loadId = loaded.loadId();
                return reports.of(dataset, loaded.loadId(), loaded.message());
            } catch (IOException e) {
                throw ErrorKind.INVALID_BODY.error("The upload could not be read to the end: " + e.getMessage());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public UploadReport report(Caller caller, String datasetId, long loadId) {
        return audited(caller, "read-report", datasetId, Scope.LOAD, (token, audit) -> {
            audit.loadId = loadId;
            return reports.of(new CatalogueService(owner).dataset(datasetId), loadId, null);
        });
    }

    /** Publishes a valid load now, or, with an announced instant, writes it as a scheduled release invisible until then. */
    public PublishedRelease publish(Caller caller, String datasetId, PublishRequest request) {
        return audited(caller, "publish", datasetId, Scope.PUBLISH, (token, audit) -> {
            java.time.Instant at = announcedInstant(request.at());
            if (request.load() == null) {
                throw ErrorKind.INVALID_BODY.error("\"load\" is required: the loadId of a valid upload.", java.util.Map.of("member", "load"));
            }
            audit.loadId = request.load();
            new CatalogueService(owner).dataset(datasetId);
            if (at == null && request.preReleaseReaders() != null) {
                throw ErrorKind.INVALID_BODY.error("\"preReleaseReaders\" applies to a scheduled release only: send \"at\" too, "
                        + "or leave the readers out to publish now.", java.util.Map.of("member", "preReleaseReaders"));
            }
            java.util.List<String> readers = request.preReleaseReaders() == null ? null
                    : preReleaseReaders.check(datasetId, request.preReleaseReaders(), "preReleaseReaders");
            String note = request.note() == null || request.note().isBlank() ? "Published by " + token.owner() + " through the publisher API" : request.note();
            Publisher publisher = new Publisher(owner);
            // The readers are named in the transaction that writes the release, so it never exists with the default rule first.
            Publisher.Published published = at == null ? publisher.publish(datasetId, request.load(), note)
                    : owner.inTransaction(h -> {
                        Publisher.Published p = publisher.schedule(h, datasetId, request.load(), note, at);
                        if (readers != null) PreReleaseReaders.name(h, p.releaseId(), readers);
                        return p;
                    });
            audit.releaseId = published.releaseId();
            audit.checksum = owner.withExtension(UploadDao.class, dao -> dao.load(datasetId, published.loadId()).map(UploadDao.LoadRow::checksum).orElse(null));
            return new PublishedRelease(datasetId, published.releaseId(), published.loadId(), published.rows(),
                    baseUrl + "/v1/datasets/" + datasetId + "/observations?release=" + published.releaseId(),
                    baseUrl + ReleaseResolver.releasesPath(datasetId), published.scheduledFor(), readers);
        });
    }

    /**
     * Pre-release access: a token with scope load for the dataset, named for the release (by id or owner; when no
     * readers were named, any such token), may read a scheduled release before its instant. Answers the release; the
     * caller reads it through the owner's connection and marks the answer private, no-store. For a token not named, a
     * release of another dataset, a cancelled or an unknown release: the same 404, so it learns nothing more than the public.
     */
    public org.lmobservatory.releases.Release preRelease(Caller caller, String datasetId, long releaseId) {
        return audited(caller, "pre-release-read", datasetId, Scope.LOAD, (token, audit) -> {
            audit.releaseId = releaseId;
            return new org.lmobservatory.releases.Embargo(owner)
                    .readable(datasetId, releaseId, (ds, id) -> token.datasets().contains(ds)
                            && PreReleaseReaders.admits(preReleaseReaders.of(id), token.id(), token.owner()))
                    .orElseThrow(() -> ErrorKind.UNKNOWN_RELEASE.error("Dataset '" + datasetId + "' has no published or scheduled release "
                            + releaseId + " (a cancelled release cannot be read).", java.util.Map.of("releases", ReleaseResolver.releasesPath(datasetId))));
        });
    }

    /** Who may read a scheduled release before its instant (scope publish: the people who schedule it). */
    public PreReleaseAccess preReleaseReaders(Caller caller, String datasetId, long releaseId) {
        return audited(caller, "read-pre-release-readers", datasetId, Scope.PUBLISH, (token, audit) -> {
            audit.releaseId = releaseId;
            new Schedule(owner).of(releaseId).filter(r -> r.datasetId().equals(datasetId)).orElseThrow(() -> ErrorKind.UNKNOWN_RELEASE.error(
                    "Dataset '" + datasetId + "' has no release " + releaseId + ".", java.util.Map.of("calendar", "/v1/calendar?dataset=" + datasetId)));
            return PreReleaseAccess.of(datasetId, releaseId, preReleaseReaders.of(releaseId));
        });
    }

    /** Names who may read a scheduled release before its instant (null: back to every load token holder of the dataset). */
    public PreReleaseAccess namePreReleaseReaders(Caller caller, String datasetId, long releaseId, java.util.List<String> names) {
        return audited(caller, "pre-release-readers", datasetId, Scope.PUBLISH, (token, audit) -> {
            audit.releaseId = releaseId;
            java.util.List<String> checked = names == null ? null : preReleaseReaders.check(datasetId, names, "preReleaseReaders");
            return PreReleaseAccess.of(datasetId, releaseId, preReleaseReaders.change(datasetId, releaseId, checked));
        });
    }

    /**
     * Moves a scheduled release of the dataset to another future instant, or (at null, cancel true) cancels it: the
     * command line's release reschedule/cancel for the data owner's tools. Scope publish, like scheduling it.
     */
    public ScheduleChanged changeSchedule(Caller caller, String datasetId, long releaseId, ScheduleChangeRequest request, boolean cancel) {
        return audited(caller, cancel ? "cancel" : "reschedule", datasetId, Scope.PUBLISH, (token, audit) -> {
            audit.releaseId = releaseId;
            Schedule schedule = new Schedule(owner);
            // Another dataset's release is as unknown here as a release that does not exist: a token names its datasets.
            schedule.of(releaseId).filter(r -> r.datasetId().equals(datasetId)).orElseThrow(() -> ErrorKind.UNKNOWN_RELEASE.error(
                    "Dataset '" + datasetId + "' has no release " + releaseId + ". Scheduled releases are listed at /v1/calendar?dataset=" + datasetId + ".",
                    java.util.Map.of("calendar", "/v1/calendar?dataset=" + datasetId)));
            String reason = request == null ? null : request.reason();
            Schedule.Changed c;
            if (cancel) {
                if (request != null && request.at() != null) {
                    throw ErrorKind.INVALID_BODY.error("A cancellation takes no \"at\": a cancelled release is never published.", java.util.Map.of("member", "at"));
                }
                c = schedule.cancel(releaseId, reason);
            } else {
                java.time.Instant at = announcedInstant(request == null ? null : request.at());
                if (at == null) throw ErrorKind.INVALID_SCHEDULE.error("\"at\" is required: the new instant, e.g. 2026-12-01T09:00:00+01:00.", java.util.Map.of("member", "at"));
                c = schedule.reschedule(releaseId, at, reason);
            }
            return new ScheduleChanged(c.datasetId(), c.releaseId(), c.status(), c.announcedAt(), c.previousAt(), baseUrl + "/v1/calendar?dataset=" + datasetId);
        });
    }

    /** The same rule as the command line's --at: an ISO 8601 instant with its offset, in the future. */
    private static java.time.Instant announcedInstant(String at) {
        if (at == null) return null;
        try {
            return java.time.OffsetDateTime.parse(at.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ErrorKind.INVALID_SCHEDULE.error("\"at\" must be an instant with its offset, e.g. 2026-12-01T09:00:00+01:00 or "
                    + "2026-12-01T08:00:00Z; got '" + at + "'.", java.util.Map.of("member", "at"));
        }
    }

    /** What the audit row of this request records besides who and what; filled in by the action as it learns it. */
    private static final class AuditFacts {
        String checksum;
        Long loadId;
        Long releaseId;
    }

    private interface Action<T> {
        T run(PublisherToken token, AuditFacts audit);
    }

    private <T> T audited(Caller caller, String action, String datasetId, Scope scope, Action<T> work) {
        AuditFacts facts = new AuditFacts();
        PublisherToken token = null;
        try {
            token = tokens.authenticate(caller.authorization());
            Tokens.authorize(token, datasetId, scope);
            T result = work.run(token, facts);
            audit(caller, token, action, datasetId, "ok", facts);
            return result;
        } catch (ObservatoryException e) {
            audit(caller, token, action, datasetId, Integer.toString(e.kind().status()), facts);
            throw e;
        } catch (RuntimeException e) {
            audit(caller, token, action, datasetId, "error", facts);
            throw e;
        }
    }

    private void audit(Caller caller, PublisherToken token, String action, String datasetId, String outcome, AuditFacts facts) {
        String tokenId = token != null ? token.id() : Tokens.claimedId(caller.authorization()).orElse(null);
        tokens.audit(new AuditEntry(null, tokenId, token == null ? null : token.owner(), action, datasetId, outcome,
                facts.checksum, facts.loadId, facts.releaseId, caller.remoteAddress()));
    }

    public Tokens tokens() {
        return tokens;
    }

}
