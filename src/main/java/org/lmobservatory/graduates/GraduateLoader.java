package org.lmobservatory.graduates;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.disclosure.AuditEntry;
import org.lmobservatory.disclosure.CellKeyNoise;
import org.lmobservatory.disclosure.DisclosureSettings;
import org.lmobservatory.disclosure.ProtectionLevel;
import org.lmobservatory.graduates.GraduateLoadReport.Status;
import org.lmobservatory.loader.DefinitionFiles;
import org.lmobservatory.loader.LoadErrors;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.releases.StagingLoadDao;
import org.lmobservatory.releases.DatasetLock;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.releases.Release;
import org.lmobservatory.releases.ReleaseDao;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * load-graduates: confidential graduate records in, protected indicators out, as a new release of an ordinary dataset.
 *
 * <p>Pass 1 checks every row without writing anything (a file with errors stages and publishes nothing). Then the
 * area codelist and the dataset definition are saved, and ONE transaction stages the microdata, computes the counts,
 * protects them, stages the cells and publishes the release: a failure or crash anywhere leaves the current release
 * as it was. Loads of one dataset are serialised by its advisory lock, and a waiting load says so.
 */
public final class GraduateLoader {
    private final Jdbi jdbi;
    private final LoadService loader;
    private final Publisher publisher;
    private final Consumer<String> say;
    private Runnable beforePublish = () -> { };

    public GraduateLoader(Jdbi ownerJdbi, LoadService loader, Publisher publisher, Consumer<String> say) {
        this.jdbi = ownerJdbi;
        this.loader = loader;
        this.publisher = publisher;
        this.say = say;
    }

    /** A step run inside the transaction just before publishing, so tests can crash a load half-way. */
    GraduateLoader beforePublish(Runnable step) {
        this.beforePublish = step;
        return this;
    }

    /** Thrown inside the transaction when the second pass finds errors: the rollback discards everything. */
    private static final class Invalid extends RuntimeException {
        Invalid() {
            super(null, null, false, false);
        }
    }

    public GraduateLoadReport load(String datasetId, Path file, GraduateLoadOptions options) throws Exception {
        long started = System.nanoTime();
        String name = file.getFileName().toString();
        Optional<DefinitionFiles.DatasetDef> definition = options.definition().map(GraduateLoader::datasetDefinition);
        CatalogueService catalogue = new CatalogueService(jdbi);
        String areaCodelist = definition.map(d -> codelistOf(d, "geo")).orElseGet(() -> catalogue.codelistOf(dimension(catalogue.dataset(datasetId), "geo")).id());
        String fieldCodelist = definition.map(d -> codelistOf(d, "field")).orElseGet(() -> catalogue.codelistOf(dimension(catalogue.dataset(datasetId), "field")).id());
        Codelist fields = catalogue.codelist(fieldCodelist);
        ReferenceCodes codes = new ReferenceCodes(catalogue.codelist("GEO"), fields, optionalCodelist(catalogue, "ISCED11"));
        String checksum = LoadService.sha256(file);
        Optional<Release> current = jdbi.withExtension(ReleaseDao.class, releases -> releases.current(datasetId));
        List<AuditEntry> currentAudit = current.map(r -> jdbi.withExtension(ReleaseDao.class, releases -> releases.audit(List.of(r.id())).get(r.id()))).orElse(null);
        DisclosureSettings settings = options.settings(currentAudit == null ? DisclosureSettings.defaults() : AuditEntry.settings(currentAudit));
        if (current.isPresent() && current.get().inputChecksum().equals(checksum) && currentAudit != null && AuditEntry.settings(currentAudit).equals(settings)) {
            // The records are unchanged, but the definition (titles, measures and their units) may not be: apply it.
            options.definition().ifPresent(loader::define);
            return new GraduateLoadReport(Status.UNCHANGED, 0, 0, current.get().id(), null, 0, List.of(), name + " is identical to the file of current release "
                    + current.get().id() + " of " + datasetId + " and the thresholds are the same; nothing to do.", seconds(started), 0);
        }
        try (Handle h = jdbi.open(); DatasetLock lock = DatasetLock.acquire(h, datasetId, say)) {
            long loadId = h.attach(StagingLoadDao.class).begin(datasetId, name, checksum, "graduate-records");
            LoadErrors errors = LoadErrors.of(name);
            Map<String, GraduateRecordsReader.School> schools = check(file, codes, errors);
            if (errors.count() > 0) return invalid(h, loadId, errors, name, started);
            List<AreaCodelist.AreaCode> areas = AreaCodelist.codes(codes.geo(), schools.values());
            h.useTransaction(t -> AreaCodelist.save(t, areaCodelist, Map.of("en", "Areas and VET schools of " + datasetId), areas, codes.geo()));
            options.definition().ifPresent(loader::define);
            Dataset dataset = new CatalogueService(jdbi).dataset(datasetId);
            IndicatorStaging.positions(dataset);
            requireCodes(catalogue, dataset);
            try {
                return h.inTransaction(t -> publish(t, loadId, dataset, file, codes, areas, settings, options.note(), errors, started));
            } catch (Invalid e) {
                return invalid(h, loadId, errors, name, started);
            } catch (Exception e) {
                h.attach(StagingLoadDao.class).markFailed(loadId);
                throw e;
            }
        }
    }

    private GraduateLoadReport publish(Handle h, long loadId, Dataset dataset, Path file, ReferenceCodes codes, List<AreaCodelist.AreaCode> areas,
                                       DisclosureSettings settings, String note, LoadErrors errors, long started) throws Exception {
        DatasetLock.acquireForTransaction(h, dataset.id());
        long graduates;
        CellKeyNoise keys = new CellKeyNoise(DisclosureSecrets.of(h, dataset.id()));
        try (InputStream in = Files.newInputStream(file);
             GraduateRecordsReader reader = new GraduateRecordsReader(in, codes, errors);
             GraduateStaging staging = new GraduateStaging(h, loadId, keys)) {
            reader.open();
            GraduateRecord g;
            while ((g = reader.next()) != null) staging.write(g);
            graduates = staging.finish();
        }
        if (errors.count() == 0) GraduateStaging.reportDuplicates(h, loadId, errors);
        if (errors.count() > 0) throw new Invalid();
        GraduateDao graduateRecords = h.attach(GraduateDao.class);
        graduateRecords.deleteOtherLoads(dataset.id(), loadId);
        List<String> fieldsInFile = graduateRecords.fieldsIn(loadId);
        // The earlier releases first: a republished cohort's noisy counts are kept within the noise bound of them.
        EarlierReleases earlier = EarlierReleases.of(h, dataset.id(), loadId, IndicatorStaging.positions(dataset), settings);
        OutcomeGrid grid = OutcomeGrid.of(OutcomeCounts.of(h, loadId), areas, fieldsInFile, CohortSalts.of(h, loadId, dataset.id(), keys), earlier);
        IndicatorBuilder.Result result = IndicatorBuilder.build(grid, settings, ProtectionLevel.DEFAULT, earlier);
        long rows = IndicatorStaging.write(h, loadId, dataset, result);
        h.attach(StagingLoadDao.class).markValid(loadId, rows);
        beforePublish.run();
        Publisher.Published p = publisher.publish(h, dataset.id(), loadId, note);
        graduateRecords.saveReleaseDigest(p.releaseId(), loadId);
        double seconds = seconds(started);
        return new GraduateLoadReport(Status.PUBLISHED, loadId, graduates, p.releaseId(), result.report(), 0, List.of(),
                String.format("%s: %d graduates → %d cells published as release %d of %s in %.1f s (%.0f graduates/s); %s%s",
                        file.getFileName(), graduates, rows, p.releaseId(), dataset.id(), seconds, graduates / Math.max(seconds, 1e-9), result.report(),
                        grid.bounded() == 0 ? "" : "; " + grid.bounded() + " count(s) of revised cohorts kept within the noise bound of an earlier release"),
                seconds, grid.bounded());
    }

    /** Pass 1: every row checked, nothing written. */
    private static Map<String, GraduateRecordsReader.School> check(Path file, ReferenceCodes codes, LoadErrors errors) throws Exception {
        try (InputStream in = Files.newInputStream(file); GraduateRecordsReader reader = new GraduateRecordsReader(in, codes, errors)) {
            if (reader.open()) while (reader.next() != null) { /* every row is checked */ }
            return reader.schools();
        }
    }

    private static GraduateLoadReport invalid(Handle h, long loadId, LoadErrors errors, String name, long started) {
        h.useTransaction(t -> {
            StagingLoadDao loads = t.attach(StagingLoadDao.class);
            loads.saveErrors(loadId, errors.keptLines());
            loads.markInvalid(loadId, errors.count());
        });
        return new GraduateLoadReport(Status.INVALID, loadId, 0, null, null, errors.count(), errors.kept(),
                name + ": " + errors.count() + " error(s); nothing was staged or published.", seconds(started), 0);
    }

    private static void requireCodes(CatalogueService catalogue, Dataset d) {
        Map<String, List<String>> needed = Map.of("field", List.of("TOTAL"), "sex", List.of("T", "F", "M"),
                "months", GraduateRecord.MONTHS, "indicator", Indicator.CODES);
        needed.forEach((dim, list) -> {
            Codelist c = catalogue.codelistOf(dimension(d, dim));
            for (String code : list) {
                if (!c.contains(code)) throw new IllegalArgumentException("codelist " + c.id() + " of dimension '" + dim + "' lacks code " + code
                        + "; graduate indicators need " + list);
            }
        });
    }

    private static DefinitionFiles.DatasetDef datasetDefinition(Path p) {
        if (DefinitionFiles.read(p) instanceof DefinitionFiles.Dataset d) return d.def();
        throw new IllegalArgumentException(p + " is not a dataset definition");
    }

    private static String codelistOf(DefinitionFiles.DatasetDef d, String dimension) {
        return d.dimensions().stream().filter(x -> dimension.equals(x.id())).findFirst().map(DefinitionFiles.DimensionDef::codelist)
                .orElseThrow(() -> new IllegalArgumentException("dataset definition " + d.id() + " has no dimension '" + dimension + "'"));
    }

    private static org.lmobservatory.catalogue.Dimension dimension(Dataset d, String id) {
        return d.dimension(id).orElseThrow(() -> new IllegalArgumentException("dataset '" + d.id() + "' has no dimension '" + id + "'"));
    }

    private static Optional<Codelist> optionalCodelist(CatalogueService catalogue, String id) {
        try {
            return Optional.of(catalogue.codelist(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
