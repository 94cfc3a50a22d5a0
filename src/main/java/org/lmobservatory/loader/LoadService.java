package org.lmobservatory.loader;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.loader.DefinitionFiles.Definition;
import org.lmobservatory.loader.formats.InputFormats;
import org.lmobservatory.loader.formats.ObservationReader;
import org.lmobservatory.loader.formats.RawObservation;
import org.lmobservatory.releases.DatasetLock;
import org.lmobservatory.releases.ReleaseRepository;

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
        return "dataset " + def.id() + " (" + def.dimensions().size() + " dimensions)";
    }

    public LoadReport load(String datasetId, Path file, Optional<Path> definition) throws Exception {
        return load(datasetId, file, definition.map(LoadOptions.defaults()::withDefinition).orElse(LoadOptions.defaults()));
    }

    public LoadReport load(String datasetId, Path file, LoadOptions options) throws Exception {
        if (options.definition().isPresent()) define(options.definition().get());
        String format = InputFormats.resolve(file, options.format(), options.mapping());
        long started = System.nanoTime();
        CatalogueService catalogue = new CatalogueService(jdbi, new ReleaseRepository(jdbi));
        Dataset dataset = catalogue.dataset(datasetId);
        List<Codelist> codelists = dataset.dimensions().stream().map(catalogue::codelistOf).toList();
        String name = file.getFileName().toString();
        String checksum = sha256(file);

        Optional<Long> unchangedRelease = jdbi.withHandle(h -> ReleaseRepository.current(h, datasetId))
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
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        long rows = 0;
        String readerSummary;
        try (InputStream in = Files.newInputStream(file); ObservationReader reader = InputFormats.open(format, in, options.mapping())) {
            reader.open(dataset, codelists, errors);
            RawObservation raw;
            while ((raw = reader.next(errors)) != null) {
                RowValidator.ValidRow row = validator.validate(raw, errors);
                if (row == null) continue;
                if (row.isDelete()) {
                    rows++;
                    continue;
                }
                Integer first = seen.putIfAbsent(String.join("\u0000", row.codes()) + "\u0000" + row.periodStart(), row.line());
                if (first != null) {
                    errors.add(row.line(), null, "duplicate observation: same key (" + String.join(", ", row.codes())
                            + ") and period as line " + first);
                } else {
                    rows++;
                }
            }
            readerSummary = reader.summary();
        }
        double seconds = seconds(started);
        String verdict = errors.count() == 0
                ? name + " (" + format + "): dry run, " + rows + " rows valid" + note(readerSummary) + "; nothing was staged."
                : name + " (" + format + "): dry run, " + errors.count() + " error(s); nothing was staged.";
        return new LoadReport(0, errors.count() == 0 ? LoadReport.Status.VALID : LoadReport.Status.INVALID,
                errors.count() == 0 ? rows : 0, errors.count(), errors.kept(), verdict, seconds);
    }

    private LoadReport stage(Handle h, Dataset dataset, List<Codelist> codelists, Path file, String name, String checksum,
                             String format, LoadOptions options, long started) throws Exception {
        long loadId = h.createQuery("""
                        INSERT INTO staging.load (dataset_id, file_name, checksum, format, status)
                        VALUES (:ds, :file, :checksum, :format, 'loading') RETURNING id
                        """)
                .bind("ds", dataset.id()).bind("file", name).bind("checksum", checksum).bind("format", format)
                .mapTo(Long.class).one();
        LoadErrors errors = LoadErrors.of(name);
        RowValidator validator = new RowValidator(dataset, codelists, CodeRecoder.forDataset(jdbi, dataset, codelists, options.nutsBreaks()));
        long rows;
        boolean merge;
        String readerSummary;
        boolean committed = false;
        h.begin();
        try (InputStream in = Files.newInputStream(file);
             ObservationReader reader = InputFormats.open(format, in, options.mapping());
             StagingWriter staging = new StagingWriter(h.getConnection(), loadId)) {
            reader.open(dataset, codelists, errors);
            merge = reader.incremental();
            RawObservation raw;
            while ((raw = reader.next(errors)) != null) {
                RowValidator.ValidRow row = validator.validate(raw, errors);
                if (row != null && errors.count() == 0) staging.write(row);
            }
            rows = staging.finish();
            readerSummary = reader.summary();
            if (errors.count() == 0) reportDuplicates(h, loadId, errors);
            String status = errors.count() == 0 ? "valid" : "invalid";
            if (errors.count() > 0) h.createUpdate("DELETE FROM staging.load_row WHERE load_id = :id").bind("id", loadId).execute();
            saveErrors(h, loadId, errors);
            h.createUpdate("UPDATE staging.load SET status = :status, mode = :mode, row_count = :rows, error_count = :errors, finished_at = now() WHERE id = :id")
                    .bind("status", status).bind("mode", merge ? "merge" : "replace")
                    .bind("rows", errors.count() == 0 ? rows : 0).bind("errors", errors.count()).bind("id", loadId)
                    .execute();
            h.commit();
            committed = true;
            // Fresh statistics before publishing: with the previous load's (deleted) rows in them, the planner took
            // this load for empty and a 1M-row publish ran 20+ minutes instead of 40 s.
            if (errors.count() == 0) h.execute("ANALYZE staging.load_row");
        } finally {
            if (!committed) {
                h.rollback();
                h.createUpdate("UPDATE staging.load SET status = 'failed', finished_at = now() WHERE id = :id").bind("id", loadId).execute();
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

    /** Hash-aggregates the staged keys (no sort, no index needed); fresh statistics make the planner choose that. */
    private static void reportDuplicates(Handle h, long loadId, LoadErrors errors) {
        h.execute("ANALYZE staging.load_row");
        List<int[]> duplicates = new ArrayList<>();
        java.util.Map<Integer, String> keys = new java.util.HashMap<>();
        h.createQuery("""
                        SELECT array_to_string(key, ', ') AS key_text, array_agg(line_no ORDER BY line_no) AS lines
                        FROM staging.load_row WHERE load_id = :id AND action IS DISTINCT FROM 'D'
                        GROUP BY key, period_start
                        HAVING count(*) > 1
                        LIMIT :max
                        """)
                .bind("id", loadId).bind("max", LoadErrors.MAX_KEPT)
                .map((rs, ctx) -> {
                    Integer[] lines = (Integer[]) rs.getArray("lines").getArray();
                    for (int i = 1; i < lines.length; i++) {
                        duplicates.add(new int[]{lines[i], lines[0]});
                        keys.put(lines[i], rs.getString("key_text"));
                    }
                    return null;
                })
                .list();
        duplicates.sort(java.util.Comparator.comparingInt(d -> d[0]));
        for (int[] d : duplicates) {
            errors.add(d[0], null, "duplicate observation: same key (" + keys.get(d[0]) + ") and period as line " + d[1]);
        }
    }

    private static String note(String readerSummary) {
        return readerSummary.isEmpty() ? "" : "; " + readerSummary;
    }

    private static void saveErrors(Handle h, long loadId, LoadErrors errors) {
        var batch = h.prepareBatch("INSERT INTO staging.load_error (load_id, line_no, col, message) VALUES (:id, :line, :col, :message)");
        for (LoadError e : errors.kept()) batch.bind("id", loadId).bind("line", e.line()).bind("col", e.column()).bind("message", e.message()).add();
        if (!errors.kept().isEmpty()) batch.execute();
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
