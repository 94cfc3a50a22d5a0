package org.lmobservatory.loader.codelists;

import org.lmobservatory.loader.LoadErrors;

import java.io.IOException;
import java.nio.file.Path;

/** One source layout of codes (NUTS list, LAU concordance, ISCO groups, …); problems go to errors, never thrown. */
interface CodelistFileReader {
    ImportedCodelist read(Path file, ImportOptions options, LoadErrors errors) throws IOException;
}
