package org.lmobservatory.formats;

/**
 * Names the JSON-stat 2.0 response in the OpenAPI contract; its schema is written by {@link FormatSchemas}, since
 * JSON-stat's dimension members are named by the dataset and value holds nulls.
 */
public record JsonStatDataset() {
}
