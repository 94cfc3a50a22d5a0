package org.lmobservatory.graduates;

import org.lmobservatory.support.SeedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The true counts behind a graduate file, computed here independently of the loader (plain Java over the CSV), as
 * the expected side of API tests: key year|months|geo|field|sex → tracked, employed, education, neet, in field,
 * field match known, both (employed and in education), earnings band known, and the number of employed per earnings
 * band 1–10 (for the median). Breakdowns as published: field × sex for countries, field for regions, all fields below;
 * {@link #cube} gives every area × field × sex, down to school × field × sex.
 */
final class GraduateTruth {
    static final int TRACKED = 0, EMPLOYED = 1, EDUCATION = 2, NEET = 3, IN_FIELD = 4, IN_FIELD_KNOWN = 5, BOTH = 6, EARNINGS_KNOWN = 7;
    /** Index of earnings band 1; band b is counted at BAND + b - 1. */
    static final int BAND = 8;
    private static final int SIZE = BAND + 10;

    private GraduateTruth() {
    }

    /** The cells the dataset publishes. */
    static Map<String, long[]> of(Path csv) throws IOException {
        return counts(csv, false);
    }

    /** Every area (country, region, municipality, school) × field and TOTAL × sex and T. */
    static Map<String, long[]> cube(Path csv) throws IOException {
        return counts(csv, true);
    }

    private static Map<String, long[]> counts(Path csv, boolean everyBreakdown) throws IOException {
        List<List<String>> records = SeedFile.parseCsv(Files.readString(csv, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n"));
        List<String> header = records.get(0);
        Map<String, long[]> out = new HashMap<>();
        for (List<String> r : records.subList(1, records.size())) {
            Map<String, String> g = new HashMap<>();
            for (int i = 0; i < header.size(); i++) g.put(header.get(i), r.get(i));
            String country = g.get("municipality").substring(0, 2);
            String[][] areas = {{country, "country"}, {g.get("region"), "region"}, {g.get("municipality"), "municipality"}, {g.get("school"), "school"}};
            for (String m : List.of("m06", "m12", "m24")) {
                String status = g.get("status_" + m);
                if (status.equals("unknown")) continue;
                boolean employed = status.equals("employed") || status.equals("both");
                String inField = g.getOrDefault("in_field_" + m, "");
                String band = g.getOrDefault("earnings_band_" + m, "");
                for (String[] area : areas) {
                    for (String field : List.of(g.get("field"), "TOTAL")) {
                        for (String sex : List.of(g.get("sex"), "T")) {
                            boolean fieldDetail = !field.equals("TOTAL");
                            boolean sexDetail = !sex.equals("T");
                            if (!everyBreakdown && fieldDetail && (area[1].equals("municipality") || area[1].equals("school"))) continue;
                            if (!everyBreakdown && fieldDetail && sexDetail && area[1].equals("region")) continue;
                            long[] c = out.computeIfAbsent(key(g.get("graduation_year"), m.toUpperCase(), area[0], field, sex), k -> new long[SIZE]);
                            c[TRACKED]++;
                            if (employed) c[EMPLOYED]++;
                            if (status.equals("education") || status.equals("both")) c[EDUCATION]++;
                            if (status.equals("neet")) c[NEET]++;
                            if (employed && inField.equals("Y")) c[IN_FIELD]++;
                            if (employed && !inField.isEmpty()) c[IN_FIELD_KNOWN]++;
                            if (status.equals("both")) c[BOTH]++;
                            if (employed && !band.isEmpty()) {
                                c[EARNINGS_KNOWN]++;
                                c[BAND + Integer.parseInt(band) - 1]++;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static String key(String year, String months, String geo, String field, String sex) {
        return year + "|" + months + "|" + geo + "|" + field + "|" + sex;
    }

    /** The lower median of the earnings bands of the employed (PostgreSQL's percentile_disc(0.5)), null when none is known. */
    static Integer earningsMedian(long[] c) {
        if (c[EARNINGS_KNOWN] == 0) return null;
        long rank = (c[EARNINGS_KNOWN] + 1) / 2, seen = 0;
        for (int b = 0; b < 10; b++) {
            seen += c[BAND + b];
            if (seen >= rank) return b + 1;
        }
        throw new IllegalStateException("band counts do not add up to " + c[EARNINGS_KNOWN]);
    }

    /** Numerator and denominator of an indicator in a truth cell. */
    static long[] numeratorAndDenominator(String indicator, long[] c) {
        return switch (indicator) {
            case "TRACKED" -> new long[]{c[TRACKED], c[TRACKED]};
            case "EMP_RATE" -> new long[]{c[EMPLOYED], c[TRACKED]};
            case "EDU_RATE" -> new long[]{c[EDUCATION], c[TRACKED]};
            case "NEET_RATE" -> new long[]{c[NEET], c[TRACKED]};
            case "IN_FIELD_RATE" -> new long[]{c[IN_FIELD], c[IN_FIELD_KNOWN]};
            default -> throw new IllegalArgumentException(indicator);
        };
    }
}
