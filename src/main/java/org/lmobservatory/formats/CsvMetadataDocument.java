package org.lmobservatory.formats;

/**
 * Names the CSVW metadata response in the OpenAPI contract; its schema is written by {@link FormatSchemas}, since
 * member names such as "@context" and "dc:title" are not Java names.
 */
public record CsvMetadataDocument() {
}
