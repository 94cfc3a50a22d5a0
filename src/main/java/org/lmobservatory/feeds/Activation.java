package org.lmobservatory.feeds;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A release becoming current (reason publish) or current again (reason rollback), with what the release holds:
 * one entry of a change feed.
 */
public record Activation(long activationId, String datasetId, long releaseId, Instant activatedAt, String reason,
                         Instant publishedAt, long rowCount, String note, LocalDate periodMin, LocalDate periodMax) {
}
