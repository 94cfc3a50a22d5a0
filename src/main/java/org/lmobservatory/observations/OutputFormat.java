package org.lmobservatory.observations;

/** Output formats of observation queries; formats/ holds a writer for each. */
public enum OutputFormat {
    JSON("application/json", "json"),
    CSV("text/csv; charset=utf-8", "csv");

    private final String contentType;
    private final String extension;

    OutputFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
