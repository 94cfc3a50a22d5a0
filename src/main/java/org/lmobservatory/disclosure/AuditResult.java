package org.lmobservatory.disclosure;

import java.util.List;

/**
 * The verdict on a model: the targets whose feasible interval is too narrow, and what it took to find out.
 *
 * @param smallestMargin the least slack seen between a certifying point and a requirement (negative when something
 *                       fails); certified sides only report the slack of the point that certified them, a lower bound
 */
public record AuditResult(int targets, List<Finding> failures, int lpSolves, int mipSolves, long elapsedMillis,
                          double smallestMargin) {
    public AuditResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
