package org.lmobservatory.observations.http;

/**
 * Names the body of POST …/observations/query in the OpenAPI contract; its schema is made by
 * {@link ObservationQueryBody#schema} from the same list of members the reader accepts.
 */
public record ObservationQueryRequest() {
}
