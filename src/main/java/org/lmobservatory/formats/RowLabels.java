package org.lmobservatory.formats;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.observations.ObservationQuery;
import org.lmobservatory.web.Languages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Label lookup for series codes in the query's language, resolved once per code rather than per row — and only for the
 * codes the answer has: resolving a whole codelist up front (3,000 municipalities for a query of one) was a fifth of
 * an uncached answer's CPU (issue 16, JFR).
 */
final class RowLabels {
    private final List<Codelist> codelists;
    private final String lang;
    private final Map<String, String>[] resolved;
    private final Map<String, SerializableString>[] codesJson;
    private final Map<String, SerializableString>[] labelsJson;
    private final SerializableString[] codeFields;
    private final SerializableString[] labelFields;

    @SuppressWarnings("unchecked")
    RowLabels(ObservationQuery query) {
        this.codelists = query.codelists();
        this.lang = query.lang();
        this.resolved = new Map[codelists.size()];
        this.codesJson = new Map[codelists.size()];
        this.labelsJson = new Map[codelists.size()];
        this.codeFields = new SerializableString[codelists.size()];
        this.labelFields = new SerializableString[codelists.size()];
    }

    /** The field name of a dimension's code ("geo"), pre-quoted once per answer. */
    SerializableString codeField(int dimension, String id) {
        SerializableString name = codeFields[dimension];
        if (name == null) codeFields[dimension] = name = new SerializedString(id);
        return name;
    }

    /** The field name of a dimension's label ("geo_label"), pre-quoted once per answer. */
    SerializableString labelField(int dimension, String id) {
        SerializableString name = labelFields[dimension];
        if (name == null) labelFields[dimension] = name = new SerializedString(id + "_label");
        return name;
    }

    /** A code as pre-quoted JSON, made once per code of the answer (Jackson then copies bytes, not characters, per row). */
    SerializableString codeJson(int dimension, String code) {
        Map<String, SerializableString> known = codesJson[dimension];
        if (known == null) codesJson[dimension] = known = new HashMap<>();
        return known.computeIfAbsent(code, SerializedString::new);
    }

    /** A code's label as pre-quoted JSON: as {@link #codeJson}. */
    SerializableString labelJson(int dimension, String code) {
        Map<String, SerializableString> known = labelsJson[dimension];
        if (known == null) labelsJson[dimension] = known = new HashMap<>();
        SerializableString json = known.get(code);
        if (json == null) {
            String label = label(dimension, code);
            json = label == null ? null : new SerializedString(label);
            known.put(code, json);
        }
        return json;
    }

    String label(int dimension, String code) {
        Map<String, String> labels = resolved[dimension];
        if (labels == null) resolved[dimension] = labels = new HashMap<>();
        if (labels.containsKey(code)) return labels.get(code);
        Code known = codelists.get(dimension).byId().get(code);
        String label = known == null ? code : Languages.pick(known.labels(), lang);
        labels.put(code, label);
        return label;
    }
}
