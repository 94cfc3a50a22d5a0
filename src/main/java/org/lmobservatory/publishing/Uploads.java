package org.lmobservatory.publishing;

import org.lmobservatory.errors.ErrorKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Uploaded files on their way to the loader: the request body is copied in 64 KiB steps to a temporary file (constant
 * memory whatever the size; the loader reads a file, because it detects the format from the first bytes and reads
 * some formats twice), with its SHA-256 computed on the way, refused beyond the size limit, and removed afterwards.
 */
final class Uploads {
    private final Path dir;
    private final long maxBytes;

    Uploads(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** A received file in a folder of its own (so its name, which error messages quote, can be the client's); closing removes it. */
    record Received(Path path, String checksum, long bytes) implements AutoCloseable {
        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(path.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Received receive(InputStream body, String fileName) throws IOException {
        Files.createDirectories(dir);
        Path folder = Files.createTempDirectory(dir, "upload-");
        Path file = folder.resolve(safeName(fileName));
        MessageDigest digest = sha256();
        long total = 0;
        try (InputStream in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw ErrorKind.BODY_TOO_LARGE.error("The upload is larger than " + maxBytes + " bytes, the limit of this server "
                            + "(LMO_MAX_UPLOAD_BYTES); load it with the command line instead.", java.util.Map.of("limit", maxBytes));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            new Received(file, "", 0).close();
            throw e;
        }
        return new Received(file, HexFormat.of().formatHex(digest.digest()), total);
    }

    /** The client's file name reduced to a plain name (no path, no odd characters); upload.csv when there is none. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > 100) name = name.substring(name.length() - 100);
        return name.isBlank() || name.matches("\\.+") ? "upload.csv" : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
