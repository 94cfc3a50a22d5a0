package org.lmobservatory.graduates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmobservatory.db.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random graduate files for attack tests: schools of random size (some tiny) in real municipalities, random fields,
 * sexes and outcomes, so that each file gives a differently shaped table. Plus a dataset definition for it with its
 * own dataset id and area codelist, so tests never share them.
 */
final class RandomGraduates {
    /** municipality, region: a few per country, several regions with several municipalities. */
    private static final String[][] PLACES = {
            {"FI_091", "FI1B"}, {"FI_049", "FI1B"}, {"FI_092", "FI1B"}, {"FI_853", "FI1C"}, {"FI_837", "FI19"}, {"FI_179", "FI19"},
            {"FI_564", "FI1D"}, {"FI_698", "FI1D"},
            {"XK_27", "XK01"}, {"XK_17", "XK01"}, {"XK_26", "XK01"}, {"XK_28", "XK04"}, {"XK_34", "XK04"}, {"XK_25", "XK03"}};
    private static final String[] FIELDS = {"F02", "F04", "F06", "F07", "F09", "F10"};
    private static final String[] STATUS = {"employed", "employed", "employed", "both", "education", "neet", "unknown"};
    static final String HEADER = "graduate_id,school,school_name,region,municipality,field,sex,graduation_year,"
            + "status_m06,status_m12,status_m24,in_field_m06,in_field_m12,in_field_m24,earnings_band_m06,earnings_band_m12,earnings_band_m24\n";

    private RandomGraduates() {
    }

    static Path write(Path dir, long seed) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder(HEADER);
        List<String[]> places = new ArrayList<>(List.of(PLACES));
        java.util.Collections.shuffle(places, rnd);
        int schools = 3 + rnd.nextInt(6);
        int id = 0;
        for (int s = 0; s < schools; s++) {
            String[] place = places.get(s % places.size());
            int size = rnd.nextInt(3) == 0 ? 2 + rnd.nextInt(9) : 15 + rnd.nextInt(70);
            List<String> fields = fields(rnd, 3);
            double neet = rnd.nextDouble() * 0.4;
            for (int year = 2022; year <= 2023; year++) {
                for (int i = 0; i < size; i++) appendGraduate(csv, rnd, seed, ++id, s, place, fields, neet, year);
            }
        }
        Path file = dir.resolve("graduates-" + seed + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    /**
     * About {@code records} graduates in {@code years} cohorts (from 2020): more and larger schools the larger the file
     * (3 to 60 schools), a quarter of them tiny (1 to 9 graduates a cohort), school sizes varying from cohort to cohort.
     */
    static Path write(Path dir, long seed, int records, int years) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder(HEADER);
        List<String[]> places = new ArrayList<>(List.of(PLACES));
        java.util.Collections.shuffle(places, rnd);
        int perCohort = Math.max(1, records / years);
        int schools = Math.max(3, Math.min(60, perCohort / 60));
        boolean[] tiny = new boolean[schools];
        double[] weight = new double[schools];
        int tinyTotal = 0;
        double weights = 0;
        for (int s = 0; s < schools; s++) {
            tiny[s] = rnd.nextInt(4) == 0;
            weight[s] = tiny[s] ? 1 + rnd.nextInt(9) : 0.2 + rnd.nextDouble();
            if (tiny[s]) tinyTotal += (int) weight[s];
            else weights += weight[s];
        }
        int id = 0;
        for (int s = 0; s < schools; s++) {
            String[] place = places.get(s % places.size());
            List<String> fields = fields(rnd, 4);
            double neet = rnd.nextDouble() * 0.4;
            for (int year = 2020; year < 2020 + years; year++) {
                int size = tiny[s] ? Math.max(1, (int) weight[s] + rnd.nextInt(3) - 1)
                        : Math.max(10, (int) Math.round(Math.max(0, perCohort - tinyTotal) * weight[s] / weights * (0.8 + 0.4 * rnd.nextDouble())));
                for (int i = 0; i < size; i++) appendGraduate(csv, rnd, seed, ++id, s, place, fields, neet, year);
            }
        }
        Path file = dir.resolve("graduates-" + seed + "-" + records + "x" + years + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private static List<String> fields(Random rnd, int most) {
        List<String> fields = new ArrayList<>(List.of(FIELDS));
        java.util.Collections.shuffle(fields, rnd);
        return fields.subList(0, 1 + rnd.nextInt(most));
    }

    private static void appendGraduate(StringBuilder csv, Random rnd, long seed, int id, int school, String[] place, List<String> fields,
                                       double neet, int year) {
        String[] status = new String[3];
        for (int m = 0; m < 3; m++) status[m] = rnd.nextDouble() < neet ? "neet" : STATUS[rnd.nextInt(STATUS.length)];
        csv.append(String.format(Locale.ROOT, "R%d-%05d,S%d,School %d,%s,%s,%s,%s,%d", seed, id, school, school, place[1], place[0],
                fields.get(rnd.nextInt(fields.size())), rnd.nextBoolean() ? "F" : "M", year));
        for (String st : status) csv.append(',').append(st);
        for (String st : status) csv.append(',').append(employed(st) ? (rnd.nextDouble() < 0.6 ? "Y" : "N") : "");
        for (String st : status) csv.append(',').append(employed(st) ? Integer.toString(1 + rnd.nextInt(10)) : "");
        csv.append('\n');
    }

    private static boolean employed(String status) {
        return status.equals("employed") || status.equals("both");
    }

    /** The seed definition under another dataset id and area codelist. */
    static Path definition(Path dir, String datasetId, String areaCodelist) throws IOException {
        ObjectNode def = (ObjectNode) Json.MAPPER.readTree(Path.of("seed/graduates/graduate-outcomes.json").toFile());
        def.put("id", datasetId);
        ((ObjectNode) def.withArray("dimensions").get(0)).put("codelist", areaCodelist);
        Path file = dir.resolve(datasetId + ".json");
        Files.writeString(file, def.toPrettyString());
        return file;
    }
}
