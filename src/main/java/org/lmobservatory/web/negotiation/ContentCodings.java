package org.lmobservatory.web.negotiation;

import java.util.Locale;

/**
 * Accept-Encoding (RFC 9110 §12.5.3) for the one coding we produce. {@code gzip;q=0} refuses gzip; a coding that is
 * not listed is refused unless {@code *} allows it. An acceptable gzip is used unless the client lists identity with a
 * higher weight.
 */
public final class ContentCodings {
    private ContentCodings() {
    }

    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) return false;
        Double gzip = null;
        Double identity = null;
        Double any = null;
        for (String part : HeaderValues.split(acceptEncoding, ',')) {
            String[] pieces = part.split(";", 2);
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = pieces.length < 2 ? 1 : weight(pieces[1]);
            switch (coding) {
                case "gzip", "x-gzip" -> gzip = gzip == null ? q : Math.max(gzip, q);
                case "identity" -> identity = q;
                case "*" -> any = q;
                default -> {
                    // another coding: says nothing about ours
                }
            }
        }
        double g = gzip != null ? gzip : any != null ? any : 0;
        double i = identity != null ? identity : 0;
        return g > 0 && g >= i;
    }

    /** q of "q=0.5"; an unreadable weight counts as a refusal, the safe reading. */
    private static double weight(String parameter) {
        String p = parameter.trim();
        if (!p.toLowerCase(Locale.ROOT).startsWith("q=")) return 1;
        Double q = HeaderValues.quality(p.substring(2));
        return q == null ? 0 : q;
    }
}
