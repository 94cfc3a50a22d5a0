package org.lmobservatory.loader;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to load a file: an optional dataset definition to apply first, the input format (detected from the content
 * when absent), a mapping file for mapped CSV, and dry-run (validate only, stage nothing).
 */
public record LoadOptions(Optional<Path> definition, Optional<String> format, Optional<Path> mapping, boolean dryRun) {
    public static LoadOptions defaults() {
        return new LoadOptions(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public LoadOptions withDefinition(Path path) {
        return new LoadOptions(Optional.of(path), format, mapping, dryRun);
    }

    public LoadOptions withFormat(String name) {
        return new LoadOptions(definition, Optional.of(name), mapping, dryRun);
    }

    public LoadOptions withMapping(Path path) {
        return new LoadOptions(definition, format, Optional.of(path), dryRun);
    }

    public LoadOptions asDryRun() {
        return new LoadOptions(definition, format, mapping, true);
    }
}
