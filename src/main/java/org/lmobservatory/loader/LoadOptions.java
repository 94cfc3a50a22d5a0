package org.lmobservatory.loader;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to load a file: an optional dataset definition to apply first, the input format (detected from the content
 * when absent), a mapping file for mapped CSV, dry-run (validate only, stage nothing), and nutsBreaks: load
 * geo codes of an older NUTS version that have no one-to-one successor flagged 'b' instead of rejecting them.
 */
public record LoadOptions(Optional<Path> definition, Optional<String> format, Optional<Path> mapping, boolean dryRun,
                          boolean nutsBreaks) {
    public static LoadOptions defaults() {
        return new LoadOptions(Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    }

    public LoadOptions withDefinition(Path path) {
        return new LoadOptions(Optional.of(path), format, mapping, dryRun, nutsBreaks);
    }

    public LoadOptions withFormat(String name) {
        return new LoadOptions(definition, Optional.of(name), mapping, dryRun, nutsBreaks);
    }

    public LoadOptions withMapping(Path path) {
        return new LoadOptions(definition, format, Optional.of(path), dryRun, nutsBreaks);
    }

    public LoadOptions withNutsBreaks() {
        return new LoadOptions(definition, format, mapping, dryRun, true);
    }

    public LoadOptions asDryRun() {
        return new LoadOptions(definition, format, mapping, true, nutsBreaks);
    }
}
