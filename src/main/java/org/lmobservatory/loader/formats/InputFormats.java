package org.lmobservatory.loader.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of input formats: one reader class per format, chosen by name or detected from the file.
 * Adding a format means adding a reader and one line here.
 */
public final class InputFormats {
    /** Opens a reader for one file; the mapping path is only used by formats that need one. */
    @FunctionalInterface
    public interface ReaderFactory {
        ObservationReader open(InputStream in, Optional<Path> mapping) throws IOException;
    }

    private static final Map<String, ReaderFactory> READERS = new LinkedHashMap<>();

    static {
        READERS.put("long-csv", (in, mapping) -> new LongCsvReader(in));
        READERS.put("eurostat-tsv", (in, mapping) -> new EurostatTsvReader(in));
        READERS.put("sdmx-csv", (in, mapping) -> new SdmxCsvReader(in));
        READERS.put("jsonstat", JsonStatReader::new);
        READERS.put("mapped-csv", MappedCsvReader::new);
    }

    private InputFormats() {
    }

    public static Iterable<String> names() {
        return READERS.keySet();
    }

    /** The named format, or the one detected from the first bytes of the file. */
    public static String resolve(Path file, Optional<String> format, Optional<Path> mapping) throws IOException {
        if (format.isPresent()) {
            String name = format.get();
            if (!READERS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown format '" + name + "'. Known formats: " + String.join(", ", READERS.keySet()));
            }
            return name;
        }
        return detect(file, mapping);
    }

    static String detect(Path file, Optional<Path> mapping) throws IOException {
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("\u00EF\u00BB\u00BF")) trimmed = trimmed.substring(3).stripLeading();
        String firstLine = trimmed.lines().findFirst().orElse("");
        if (trimmed.startsWith("{") && READERS.containsKey("jsonstat")) return "jsonstat";
        // A JSON-stat file may come with options in the mapping file; any other file with a mapping is a mapped CSV.
        if (mapping.isPresent() && READERS.containsKey("mapped-csv")) return "mapped-csv";
        if (firstLine.contains("\\") && firstLine.contains("\t") && READERS.containsKey("eurostat-tsv")) return "eurostat-tsv";
        String upper = firstLine.toUpperCase();
        if ((upper.startsWith("DATAFLOW") || upper.startsWith("STRUCTURE")) && READERS.containsKey("sdmx-csv")) return "sdmx-csv";
        return "long-csv";
    }

    public static ObservationReader open(String format, InputStream in, Optional<Path> mapping) throws IOException {
        return READERS.get(format).open(in, mapping);
    }
}
