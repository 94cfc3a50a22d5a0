package org.lmobservatory.observations.http;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.errors.LogThrottle;
import org.lmobservatory.errors.StorageErrors;
import org.lmobservatory.formats.CsvObservationWriter;
import org.lmobservatory.observations.ObservationService;
import org.lmobservatory.releases.Release;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Whole releases as gzipped CSV files, written once per release on first request and then served from disk.
 * A release never changes, so a file, once complete, is never rewritten. A file is written under a temporary name and
 * renamed when complete; a failed attempt leaves nothing behind (no file, no open handle) and nothing is remembered
 * of it, so the next request tries again: a disk that was full works again as soon as there is space.
 */
public final class BulkDownloads {
    private static final Logger log = LoggerFactory.getLogger(BulkDownloads.class);

    /** Opens a file for writing. Production writes to the disk; tests fill the disk through this seam. */
    @FunctionalInterface
    public interface Storage {
        Storage DISK = Files::newOutputStream;

        OutputStream open(Path file) throws IOException;
    }

    private final Path directory;
    private final ObservationService service;
    private final Storage storage;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    // A full disk fails every download request alike: one line per interval for the operator, not one per request.
    private final LogThrottle storageLog = new LogThrottle(log, 60);

    public BulkDownloads(Path directory, ObservationService service) {
        this(directory, service, Storage.DISK);
    }

    public BulkDownloads(Path directory, ObservationService service, Storage storage) {
        this.directory = directory;
        this.service = service;
        this.storage = storage;
    }

    public Path file(Dataset dataset, Release release) throws Exception {
        String name = dataset.id() + "_release-" + release.id() + ".csv.gz";
        Path target = directory.resolve(name);
        if (Files.exists(target)) return target;
        synchronized (locks.computeIfAbsent(name, k -> new Object())) {
            if (Files.exists(target)) return target;
            try {
                return write(dataset, release, name, target);
            } catch (IOException | UncheckedIOException e) {
                IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                storageLog.warn("Bulk download {} could not be written to {}: {}", name, directory.toAbsolutePath(), io.toString());
                throw StorageErrors.translate(io);
            }
        }
    }

    private Path write(Dataset dataset, Release release, String name, Path target) throws Exception {
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, name, ".partial");
        boolean complete = false;
        try {
            // Both streams are resources so that the file is closed even when closing gzip fails: its close() writes
            // the trailer first and, on a full disk, throws before it closes the stream beneath (JDK 17). That kept the
            // deleted .partial open, its blocks allocated and the disk full until the server restarted.
            try (OutputStream file = storage.open(partial);
                 OutputStream gzip = new GZIPOutputStream(file, 1 << 16)) {
                service.export(dataset, release, result -> new CsvObservationWriter().write(result, gzip));
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            complete = true;
            return target;
        } finally {
            // Every failure, including errors and a failed move; the cause in flight is what the caller must see.
            if (!complete) deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            log.warn("Could not remove the unfinished download {}: {}", partial, e.toString());
        }
    }

    /**
     * Empty when downloads can be written, else why not: for readiness. Creates the directory and a file in it, and
     * removes the file again, since only trying tells (root ignores permission bits; a read-only mount or a file in
     * the directory's place refuses even root). A full disk still passes: it clears by itself, and the rest of the
     * API keeps working meanwhile, so it should not take the instance out of service.
     */
    public Optional<String> unwritable() {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".ready", ".probe"));
            return Optional.empty();
        } catch (FileSystemException e) {
            // The reason without the path ("Not a directory", "Read-only file system"): /ready is public.
            return Optional.of("downloads directory not writable: " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        } catch (IOException | RuntimeException e) {
            return Optional.of("downloads directory not writable: " + e.getClass().getSimpleName());
        }
    }
}
