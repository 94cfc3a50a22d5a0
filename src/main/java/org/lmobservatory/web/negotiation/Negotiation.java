package org.lmobservatory.web.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proactive content negotiation (RFC 9110 §12.5.1), kept apart from the routes so that every endpoint decides the
 * same way. Each offer is weighed by the most specific range of the Accept header that includes it, so
 * {@code text/csv;q=0.5, }&#42;/&#42; prefers JSON (q=1 by the wildcard) to CSV. Among equal weights the offer named
 * by a more specific range wins, then the one the client listed first, then the server's order (its default first).
 */
public final class Negotiation {
    private Negotiation() {
    }

    /** The ranges of an Accept header in the client's order; malformed ranges are left out. */
    public static List<MediaRange> accepted(String accept) {
        List<MediaRange> ranges = new ArrayList<>();
        for (String part : HeaderValues.split(accept, ',')) MediaRange.parse(part).ifPresent(ranges::add);
        return ranges;
    }

    /**
     * The offer to answer with, from offers in the server's order of preference; empty when the client accepts none
     * of them (a 406). No Accept header, or one without a single well-formed range, accepts anything: the first offer.
     */
    public static Optional<MediaRange> choose(String accept, List<MediaRange> offers) {
        return choose(accepted(accept), offers);
    }

    public static Optional<MediaRange> choose(List<MediaRange> accepted, List<MediaRange> offers) {
        if (offers.isEmpty()) return Optional.empty();
        if (accepted.isEmpty()) return Optional.of(offers.get(0));
        MediaRange best = null;
        Weight bestWeight = null;
        for (MediaRange offer : offers) {
            Weight w = weigh(accepted, offer);
            if (w != null && w.quality() > 0 && (bestWeight == null || w.betterThan(bestWeight))) {
                best = offer;
                bestWeight = w;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The weight of an offer: its most specific including range (the first such range on a tie); null when none includes it. */
    private static Weight weigh(List<MediaRange> accepted, MediaRange offer) {
        Weight weight = null;
        for (int i = 0; i < accepted.size(); i++) {
            MediaRange range = accepted.get(i);
            if (range.includes(offer) && (weight == null || range.specificity() > weight.specificity())) {
                weight = new Weight(range.quality(), range.specificity(), i);
            }
        }
        return weight;
    }

    private record Weight(double quality, int specificity, int position) {
        boolean betterThan(Weight other) {
            if (quality != other.quality) return quality > other.quality;
            if (specificity != other.specificity) return specificity > other.specificity;
            return position < other.position;
        }
    }
}
