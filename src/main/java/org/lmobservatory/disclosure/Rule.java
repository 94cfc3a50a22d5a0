package org.lmobservatory.disclosure;

/**
 * Why a cell is suppressed, with its SDMX CONF_STATUS: C for the cell's own smallness (primary), D for a cell hidden
 * only so that another one cannot be recomputed (secondary).
 */
public enum Rule {
    POPULATION("population", "C"),
    COUNT("count", "C"),
    SECONDARY("secondary", "D");

    private final String id;
    private final String confStatus;

    Rule(String id, String confStatus) {
        this.id = id;
        this.confStatus = confStatus;
    }

    /** The name in the audit (published.release_disclosure.rule). */
    public String id() {
        return id;
    }

    public String confStatus() {
        return confStatus;
    }
}
