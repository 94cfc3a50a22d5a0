package org.lmobservatory.publishing;

import java.time.Instant;

/**
 * One use of the publisher API, refused ones included. tokenId and owner are null when no token was recognised;
 * outcome is "ok" or the HTTP status of the refusal ("401", "403", "409", …).
 */
public record AuditEntry(Instant at, String tokenId, String owner, String action, String datasetId, String outcome,
                         String fileChecksum, Long loadId, Long releaseId, String remoteAddress) {
}
