package org.lmobservatory.loader;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.loader.DefinitionFiles.Definition;
import org.lmobservatory.loader.formats.InputFormats;
import org.lmobservatory.releases.DatasetLock;
import org.lmobservatory.releases.StagingLoadDao;
import org.lmobservatory.releases.ReleaseDao;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Facade of the loader: definitions into the catalogue, data files into staging (validated, line by line),
 * never into what the API serves. Publishing is {@link org.lmobservatory.releases.Publisher}'s job.
 */
public final class LoadService {

    private final Jdbi jdbi;
    private final DefinitionStore definitions;

    public LoadService(Jdbi ownerJdbi) {
        this.jdbi = ownerJdbi;
        this.definitions = new DefinitionStore(ownerJdbi);
    }

    /** Loads a codelist or dataset definition file; returns what it was. */
    public String define(Path file) {
        Definition d = DefinitionFiles.read(file);
        if (d instanceof DefinitionFiles.Codelist c) {
            definitions.save(c.def());
            return "codelist " + c.def().id() + " (" + c.def().codes().size() + " codes)";
        }
        DefinitionFiles.DatasetDef def = ((DefinitionFiles.Dataset) d).def();
        definitions.save(def);
        String measures = def.measures() == null ? ""
                : ", " + def.measures().measures().size() + " measures of " + def.measures().dimension() + " with their own units";
        return "dataset " + def.id() + " (" + def.dimensions().size() + " dimensions" + measures + ")";
    }

    public LoadReport load(String datasetId, Path file, Optional<Path> definition) throws Exception {
        return load(datasetId, file, definition.map(LoadOptions.defaults()::withDefinition).orElse(LoadOptions.defaults()));
    }

    public LoadReport load(String datasetId, Path file, LoadOptions options) throws Exception {
        if (options.definition().isPresent()) define(options.definition().get());
        String format = InputFormats.resolve(file, options.format(), options.mapping());
        long started = System.nanoTime();
        CatalogueService catalogue = new CatalogueService(jdbi);
        Dataset dataset = catalogue.dataset(datasetId);
        List<Codelist> codelists = dataset.dimensions().stream().map(catalogue::codelistOf).toList();
        String name = file.getFileName().toString();
        String checksum = sha256(file);

        Optional<Long> unchangedRelease = jdbi.withExtension(ReleaseDao.class, releases -> releases.current(datasetId))
                .filter(r -> r.inputChecksum().equals(checksum)).map(r -> r.id());
        if (unchangedRelease.isPresent() && !options.dryRun()) {
            return new LoadReport(0, LoadReport.Status.UNCHANGED, 0, 0, List.of(),
                    name + " is identical (SHA-256 " + checksum.substring(0, 12) + "…) to the file of current release "
                            + unchangedRelease.get() + " of " + datasetId + "; nothing to do.", seconds(started));
        }
        if (options.dryRun()) return dryRun(dataset, codelists, file, name, format, options, started);
        return jdbi.withHandle(h -> {
            try (DatasetLock lock = DatasetLock.acquire(h, datasetId)) {
                return stage(h, dataset, codelists, file, name, checksum, format, options, started);
            }
        });
    }

    /** Validates every row, duplicates included, without writing anything anywhere. */
    private LoadReport dryRun(Dataset dataset, List<Codelist> codelists, Path file, String name, String format,
                              LoadOptions options, long started) throws Exception {
        LoadErrors errors = LoadErrors.of(name);
        RowValidator validator = new RowValidator(dataset, codelists, CodeRecoder.forDataset(jdbi, dataset, codelists, options.nutsBreaks()));
        RowPipeline.Outcome outcome;
        try (RowSink sink = new RowSink.DryRun()) {
            outcome = RowPipeline.run(file, format, options.mapping(), dataset, codelists, validator, sink, errors);
        }
        long rows = outcome.rows();
        String readerSummary = outcome.readerSummary();
        double seconds = seconds(started);
        String verdict = errors.count() == 0
                ? name + " (" + format + "): dry run, " + rows + " rows valid" + note(readerSummary) + "; nothing was staged."
                : name + " (" + format + "): dry run, " + errors.count() + " error(s); nothing was staged.";
        return new LoadReport(0, errors.count() == 0 ? LoadReport.Status.VALID : LoadReport.Status.INVALID,
                errors.count() == 0 ? rows : 0, errors.count(), errors.kept(), verdict, seconds);
    }

    private LoadReport stage(Handle h, Dataset dataset, List<Codelist> codelists, Path file, String name, String checksum,
                             String format, LoadOptions options, long started) throws Exception {
        StagingLoadDao loads = h.attach(StagingLoadDao.class);
        long loadId = loads.begin(dataset.id(), name, checksum, format);
        LoadErrors errors = LoadErrors.of(name);
        RowValidator validator = new RowValidator(dataset, codelists, CodeRecoder.forDataset(jdbi, dataset, codelists, options.nutsBreaks()));
        long rows;
        boolean merge;
        String readerSummary;
        boolean committed = false;
        h.begin();
        try (RowSink staging = new RowSink.Staging(new StagingWriter(h, loadId))) {
            RowPipeline.Outcome outcome = RowPipeline.run(file, format, options.mapping(), dataset, codelists, validator, staging, errors);
            rows = outcome.rows();
            merge = outcome.incremental();
            readerSummary = outcome.readerSummary();
            if (errors.count() == 0) reportDuplicates(loads, loadId, errors);
            String status = errors.count() == 0 ? "valid" : "invalid";
            if (errors.count() > 0) loads.deleteRows(loadId);
            loads.saveErrors(loadId, errors.keptLines());
            loads.finishStaging(loadId, status, merge ? "merge" : "replace", errors.count() == 0 ? rows : 0, errors.count());
            h.commit();
            committed = true;
            // Fresh statistics before publishing: with the previous load's (deleted) rows in them, the planner took
            // this load for empty and a 1M-row publish ran 20+ minutes instead of 40 s.
            if (errors.count() == 0) loads.analyzeRows();
        } finally {
            if (!committed) {
                h.rollback();
                loads.markFailed(loadId);
            }
        }
        double seconds = seconds(started);
        if (errors.count() > 0) {
            return new LoadReport(loadId, LoadReport.Status.INVALID, 0, errors.count(), errors.kept(),
                    name + ": " + errors.count() + " error(s); nothing was staged for publishing.", seconds);
        }
        return new LoadReport(loadId, LoadReport.Status.VALID, rows, 0, List.of(),
                name + " (" + format + "): " + rows + " rows valid and staged as load " + loadId + String.format(" in %.1f s (%.0f rows/s)", seconds, rows / Math.max(seconds, 1e-9))
                        + note(readerSummary)
                        + (merge ? "; incremental (ACTION column): publishing merges it into the current release" : "")
                        + "; publish with: publish --dataset " + dataset.id(), seconds);
    }

    /** Duplicates found in the staged rows, not in memory; fresh statistics first, so the planner knows the load's size. */
    private static void reportDuplicates(StagingLoadDao loads, long loadId, LoadErrors errors) {
        loads.analyzeRows();
        List<int[]> duplicates = new ArrayList<>();
        java.util.Map<Integer, String> keys = new java.util.HashMap<>();
        for (StagingLoadDao.DuplicateKey d : loads.duplicateKeys(loadId, LoadErrors.MAX_KEPT)) {
            Integer[] lines = d.lines();
            for (int i = 1; i < lines.length; i++) {
                duplicates.add(new int[]{lines[i], lines[0]});
                keys.put(lines[i], d.keyText());
            }
        }
        duplicates.sort(java.util.Comparator.comparingInt(d -> d[0]));
        for (int[] d : duplicates) {
            errors.add(d[0], null, "duplicate observation: same key (" + keys.get(d[0]) + ") and period as line " + d[1]);
        }
    }

    private static String note(String readerSummary) {
        return readerSummary.isEmpty() ? "" : "; " + readerSummary;
    }

    /** SHA-256 of a file, streamed: how loads recognise a file they have seen before. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
