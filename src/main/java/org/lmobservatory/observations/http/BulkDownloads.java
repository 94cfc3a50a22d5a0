package org.lmobservatory.observations.http;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.formats.CsvObservationWriter;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.releases.Release;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Whole releases as gzipped CSV files, written once per release on first request and then served from disk.
 * A release never changes, so a file, once complete, is never rewritten.
 */
public final class BulkDownloads {
    private final Path directory;
    private final ObservationService service;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public BulkDownloads(Path directory, ObservationService service) {
        this.directory = directory;
        this.service = service;
    }

    public Path file(Dataset dataset, Release release) throws Exception {
        String name = dataset.id() + "_release-" + release.id() + ".csv.gz";
        Path target = directory.resolve(name);
        if (Files.exists(target)) return target;
        synchronized (locks.computeIfAbsent(name, k -> new Object())) {
            if (Files.exists(target)) return target;
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, name, ".partial");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                service.export(dataset, release, result -> new CsvObservationWriter().write(result, out));
            } catch (Exception e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }

}
