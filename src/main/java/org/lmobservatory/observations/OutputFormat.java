package org.lmobservatory.observations;

/** Output formats of observation queries; formats/ holds a writer for each. */
public enum OutputFormat {
    JSON("application/json", "json", true),
    CSV("text/csv; charset=utf-8", "csv", false);

    private final String contentType;
    private final String extension;
    private final boolean paged;

    OutputFormat(String contentType, String extension, boolean paged) {
        this.contentType = contentType;
        this.extension = extension;
        this.paged = paged;
    }

    /** Paged formats answer a page at a time with a next link; the others answer whole results up to the cell limit. */
    public boolean paged() {
        return paged;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
