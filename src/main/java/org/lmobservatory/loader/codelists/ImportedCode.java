package org.lmobservatory.loader.codelists;

import org.lmobservatory.loader.DefinitionFiles.CodeDef;

/** A code as read from a file, with the line and column its parent came from, for error messages. */
record ImportedCode(int line, String parentColumn, CodeDef code) {
}
