package org.lmobservatory.web.negotiation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Accept parser and the choice it drives, without a server. */
class NegotiationTest {
    private static final MediaRange JSON = MediaRange.of("application/json");
    private static final MediaRange CSV = MediaRange.of("text/csv; charset=utf-8");
    private static final MediaRange SDMX = MediaRange.of("application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8");
    private static final MediaRange JSONSTAT = MediaRange.of("application/json; profile=jsonstat");
    private static final List<MediaRange> OFFERS = List.of(JSON, CSV, SDMX, JSONSTAT);

    private static Optional<MediaRange> choose(String accept) {
        return Negotiation.choose(accept, OFFERS);
    }

    @Test
    void parsesTypesParametersAndWeights() {
        MediaRange r = MediaRange.parse("Text/CSV; Charset=\"UTF-8\" ;q=0.25; ext=1").orElseThrow();
        assertEquals("text", r.type());
        assertEquals("csv", r.subtype());
        assertEquals(Map.of("charset", "utf-8"), r.parameters(), "q and what follows it are not media type parameters");
        assertEquals(0.25, r.quality());
        assertEquals(List.of("text/html", "application/json; profile=a,b"),
                Negotiation.accepted("text/html, application/json;profile=\"a,b\"").stream().map(MediaRange::toString).toList(),
                "a comma inside quotes does not split the list");
    }

    @Test
    void malformedRangesAreLeftOut() {
        for (String bad : List.of("json", "text/", "*/csv", "text/csv;q=2", "text/csv;q=0.1234", "text/csv;q=abc", "text/csv;charset", "a b/c")) {
            assertTrue(MediaRange.parse(bad).isEmpty(), bad);
        }
        assertEquals(1, Negotiation.accepted("garbage, text/csv, ,").size());
    }

    @Test
    void noOrUnreadableAcceptGetsTheDefault() {
        assertEquals(Optional.of(JSON), choose(null));
        assertEquals(Optional.of(JSON), choose(""));
        assertEquals(Optional.of(JSON), choose("nonsense"));
        assertEquals(Optional.of(JSON), choose("*/*"));
    }

    @Test
    void aWildcardWithAHigherWeightBeatsALowerWeightedType() {
        assertEquals(Optional.of(JSON), choose("text/csv;q=0.5, */*"));
        assertEquals(Optional.of(CSV), choose("text/csv, */*;q=0.5"));
        assertEquals(Optional.of(SDMX), choose("text/csv;q=0.5, application/vnd.sdmx.data+csv"));
    }

    @Test
    void theMostSpecificRangeDecidesAnOffersWeight() {
        assertEquals(Optional.of(CSV), choose("text/*;q=0, text/csv"), "text/csv overrides text/*;q=0");
        assertEquals(Optional.of(JSON), choose("*/*, text/csv;q=0"), "*/* does not revive an explicit refusal");
        assertEquals(Optional.of(JSONSTAT), choose("application/json;profile=jsonstat"));
        assertEquals(Optional.of(JSON), choose("application/json"), "plain application/json: the server's preference");
        assertEquals(Optional.of(CSV), choose("text/*"));
    }

    @Test
    void equalWeightsGoToTheMoreSpecificRangeThenTheClientsOrder() {
        assertEquals(Optional.of(CSV), choose("*/*, text/csv"));
        assertEquals(Optional.of(CSV), choose("text/csv, application/json"));
        assertEquals(Optional.of(JSON), choose("application/json, text/csv"));
        assertEquals(Optional.of(JSON), choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), "a browser");
    }

    @Test
    void nothingAcceptableIsEmpty() {
        assertEquals(Optional.empty(), choose("text/html"));
        assertEquals(Optional.empty(), choose("application/json;q=0, text/csv;q=0, application/*;q=0"));
        assertEquals(Optional.empty(), choose("*/*;q=0"));
        assertEquals(Optional.empty(), choose("application/vnd.sdmx.data+csv; version=1.0.0"), "a version we do not write");
        assertEquals(Optional.empty(), Negotiation.choose("*/*", List.of()));
    }
}
