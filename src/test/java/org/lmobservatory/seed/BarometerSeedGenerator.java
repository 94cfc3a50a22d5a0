package org.lmobservatory.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the demonstration occupational barometer ({@code occupational-barometer}, 2024–2025, and its discontinued
 * {@code occupational-barometer-pilot}, 2023): one rating of codelist BAROMETER_RATING per county of Małopolskie
 * (GEO level county, real TERYT powiat codes), ISCO-08 unit group and year. Every rating is invented: a typed-in
 * national tendency per occupation, a county effect and noise from a fixed random seed, moving at most one step a
 * year. Called by {@link DemoSeedGenerator}, so the committed files are checked against it like the others.
 */
final class BarometerSeedGenerator {
    /** The ratings in codelist order: position 1 (large shortage) … 5 (large surplus). */
    static final List<String> RATINGS = List.of("LARGE_SHORTAGE", "SHORTAGE", "BALANCE", "SURPLUS", "LARGE_SURPLUS");

    /** Invented national tendency on the 1…5 scale: where employers were said to look hardest for people, and where least. */
    private static final Map<String, Double> TENDENCY = Map.ofEntries(
            Map.entry("OC2221", 1.6), Map.entry("OC2341", 2.6), Map.entry("OC2512", 2.4), Map.entry("OC3313", 3.2),
            Map.entry("OC4110", 4.2), Map.entry("OC5120", 2.2), Map.entry("OC5223", 3.4), Map.entry("OC7115", 2.0),
            Map.entry("OC7126", 1.9), Map.entry("OC7212", 1.7), Map.entry("OC7411", 1.9), Map.entry("OC8332", 1.5));

    private record Edition(long seed, List<String> years, int missing) {
    }

    private static final Map<String, Edition> EDITIONS = Map.of(
            "occupational-barometer", new Edition(20240012L, List.of("2024", "2025"), 2),
            "occupational-barometer-pilot", new Edition(20230012L, List.of("2023"), 0));

    private BarometerSeedGenerator() {
    }

    static boolean generates(String datasetId) {
        return EDITIONS.containsKey(datasetId);
    }

    /** The CSV of one edition: geo, occupation, indicator, time, value (a rating code), flag. */
    static String csv(String datasetId, Path seedDir) throws IOException {
        Edition edition = EDITIONS.get(datasetId);
        ObjectMapper json = new ObjectMapper();
        List<String> counties = codes(json.readTree(seedDir.resolve("codelists/GEO.json").toFile()), "county");
        List<String> occupations = codes(json.readTree(seedDir.resolve("codelists/ISCO08.json").toFile()), "unit-group");
        Random rnd = new Random(edition.seed());
        StringBuilder out = new StringBuilder("geo,occupation,indicator,time,value,flag\n");
        int last = edition.years().size() - 1;
        List<String[]> rows = new ArrayList<>();
        for (String county : counties) {
            double countyEffect = 0.5 * rnd.nextGaussian();
            for (String occupation : occupations) {
                Double tendency = TENDENCY.get(occupation);
                if (tendency == null) throw new IllegalStateException("occupation " + occupation + " is not modelled by BarometerSeedGenerator");
                int rating = clamp((int) Math.round(tendency + countyEffect + 0.6 * rnd.nextGaussian()));
                for (int y = 0; y < edition.years().size(); y++) {
                    if (y > 0) rating = clamp(rating + (rnd.nextDouble() < 0.25 ? (rnd.nextBoolean() ? 1 : -1) : 0));
                    rows.add(new String[]{county, occupation, "RATING", edition.years().get(y), RATINGS.get(rating - 1), y == last ? "p" : ""});
                }
            }
        }
        // A few cells without a rating (flag m), never in the latest year, so the grid shows how a gap looks.
        for (int done = 0; done < edition.missing(); ) {
            String[] row = rows.get(rnd.nextInt(rows.size()));
            if (!row[5].isEmpty()) continue;
            row[4] = "";
            row[5] = "m";
            done++;
        }
        for (String[] row : rows) out.append(String.join(",", row)).append('\n');
        return out.toString();
    }

    private static int clamp(int rating) {
        return Math.max(1, Math.min(RATINGS.size(), rating));
    }

    private static List<String> codes(JsonNode codelist, String level) {
        List<String> codes = new ArrayList<>();
        for (JsonNode c : codelist.path("codes")) if (level.equals(c.path("level").asText())) codes.add(c.path("id").asText());
        return codes;
    }
}
