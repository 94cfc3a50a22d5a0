package org.lmobservatory.loader.codelists;

import org.lmobservatory.loader.DefinitionFiles.SuccessorDef;

import java.util.List;
import java.util.Map;

/**
 * What one file contributes to a codelist: codes in file order, successor steps between versions (only version
 * histories have them), and the version and title a codelist created by this import gets.
 * parentsRequired: false for version histories, where a historical code's parent may not exist in any version.
 */
record ImportedCodelist(List<ImportedCode> codes, List<SuccessorDef> successors, String version, Map<String, String> title,
                        boolean parentsRequired) {
}
