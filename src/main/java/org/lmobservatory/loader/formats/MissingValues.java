package org.lmobservatory.loader.formats;

/**
 * How a source's "no value" becomes ours. A missing value (Eurostat ':', an empty SDMX OBS_VALUE) keeps the source's
 * flags and gains our 'm', so ': u' is stored as no value with flags "mu"; a confidential one (flag c) stays "c"
 * only, because it is suppressed, not missing.
 */
final class MissingValues {
    private MissingValues() {
    }

    static String flagsOfMissing(String sourceFlags) {
        if (sourceFlags.indexOf('c') >= 0 || sourceFlags.indexOf('m') >= 0) return sourceFlags;
        return "m" + sourceFlags;
    }
}
