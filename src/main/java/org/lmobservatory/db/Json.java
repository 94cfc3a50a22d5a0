package org.lmobservatory.db;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shared Jackson set-up, and jsonb label maps in and out of the database. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<LinkedHashMap<String, String>> LABELS = new TypeReference<>() {
    };

    private Json() {
    }

    public static Map<String, String> labels(String jsonb) {
        if (jsonb == null) return Map.of();
        try {
            return MAPPER.readValue(jsonb, LABELS);
        } catch (Exception e) {
            throw new IllegalStateException("Stored labels are not a JSON object of strings: " + jsonb, e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
