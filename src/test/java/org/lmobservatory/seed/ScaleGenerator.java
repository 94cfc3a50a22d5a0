package org.lmobservatory.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic data at benchmark scale for {@code bench/run.sh}: a monthly dataset by municipality × sex × six age groups,
 * written as the files a data owner would hand to the loader (codelists, a dataset definition, a long CSV).
 *
 * <p>Rows = municipalities × 3 sexes × 6 age groups × 12 months × years. The benchmark's full scale is 3,000
 * municipalities × 31 years (1995–2025) = 20,088,000 rows: the municipality count is the issue's, and the years were
 * raised from 12 to 31 to reach ≈20M while keeping the six age groups.
 *
 * <p>Everything is invented from a fixed seed (same arguments, same bytes). The CSV is written while generated, one
 * municipality at a time, so memory does not grow with the row count. Rows are grouped by series (municipality, sex,
 * age) with months ascending, like an export from a statistical production system.
 *
 * <p>Usage: {@code java -cp target/observatory.jar org.lmobservatory.seed.ScaleGenerator <outDir> <municipalities> <years> [seedDir]}
 */
public final class ScaleGenerator {
    public static final String DATASET_ID = "bench-registered-unemployed";
    public static final String GEO_CODELIST = "BENCH_GEO";
    public static final String AGE_CODELIST = "AGE6";
    public static final int LAST_YEAR = 2025;
    static final String[] SEXES = {"T", "F", "M"};
    static final String[] AGES = {"Y15-19", "Y20-24", "Y25-34", "Y35-44", "Y45-54", "Y55-74"};
    private static final String[] AGE_LABELS = {"15 to 19 years", "20 to 24 years", "25 to 34 years", "35 to 44 years",
            "45 to 54 years", "55 to 74 years"};
    /** Invented share of each age group in a municipality's registered unemployment. */
    private static final double[] AGE_SHARE = {0.05, 0.12, 0.24, 0.22, 0.20, 0.17};
    private static final double[] SEASON = {1.07, 1.08, 1.04, 0.99, 0.96, 0.95, 0.96, 0.96, 0.95, 0.95, 0.97, 1.02};
    private static final long SEED = 20_250_101L;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScaleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("Usage: ScaleGenerator <outDir> <municipalities> <years> [seedDir]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int municipalities = Integer.parseInt(args[1]);
        int years = Integer.parseInt(args[2]);
        Path seedDir = Path.of(args.length > 3 ? args[3] : "seed");
        if (municipalities < 1 || municipalities > 99_999 || years < 1 || years > LAST_YEAR) {
            throw new IllegalArgumentException("municipalities must be 1..99999 and years 1.." + LAST_YEAR);
        }
        long started = System.nanoTime();
        List<String> districts = finnishDistricts(seedDir.resolve("codelists").resolve("GEO.json"));
        writeGeoCodelist(seedDir.resolve("codelists").resolve("GEO.json"), out.resolve("codelists").resolve(GEO_CODELIST + ".json"),
                districts, municipalities);
        writeAgeCodelist(out.resolve("codelists").resolve(AGE_CODELIST + ".json"));
        writeDefinition(out.resolve("datasets").resolve(DATASET_ID + ".json"), municipalities, years);
        Path csv = out.resolve("data").resolve(DATASET_ID + ".csv");
        long rows = writeObservations(csv, municipalities, years);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "wrote %s: %d rows (%d municipalities x 3 sexes x 6 ages x %d months) in %.1f s%n",
                csv, rows, municipalities, years * 12, seconds);
    }

    static String municipalityId(int n) {
        return String.format(Locale.ROOT, "FI_S%04d", n);
    }

    /** Synthetic municipalities hang under real NUTS 3 districts so geoParent/geoLevel queries behave as on real data. */
    private static List<String> finnishDistricts(Path geo) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode c : JSON.readTree(geo.toFile()).path("codes")) {
            if ("district".equals(c.path("level").asText()) && c.path("id").asText().startsWith("FI")) out.add(c.path("id").asText());
        }
        if (out.isEmpty()) throw new IllegalStateException(geo + " has no Finnish districts (level 'district')");
        return out;
    }

    /** The seed's territorial hierarchy plus the synthetic municipalities: a codelist's parents must be its own codes. */
    private static void writeGeoCodelist(Path seedGeo, Path target, List<String> districts, int municipalities) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", GEO_CODELIST);
        root.put("version", "bench-1");
        root.putObject("title").put("en", "Territorial units with synthetic municipalities (benchmark data)");
        root.putObject("note").put("en", "NUTS codes from the demonstration GEO codelist plus " + municipalities
                + " invented municipalities FI_S0001… for load tests. Not real places.");
        ArrayNode codes = root.putArray("codes");
        for (JsonNode c : JSON.readTree(seedGeo.toFile()).path("codes")) {
            if (!"municipality".equals(c.path("level").asText())) codes.add(c);
        }
        for (int n = 1; n <= municipalities; n++) {
            ObjectNode code = codes.addObject();
            code.put("id", municipalityId(n));
            code.put("parent", districts.get((n - 1) % districts.size()));
            code.put("level", "municipality");
            code.putObject("labels").put("en", "Synthetic municipality " + n).put("fi", "Synteettinen kunta " + n);
        }
        write(target, root);
    }

    private static void writeAgeCodelist(Path target) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", AGE_CODELIST);
        root.put("version", "bench-1");
        root.putObject("title").put("en", "Age class (six groups)");
        ArrayNode codes = root.putArray("codes");
        for (int i = 0; i < AGES.length; i++) {
            ObjectNode code = codes.addObject();
            code.put("id", AGES[i]);
            code.putNull("parent");
            code.put("level", "age-group");
            code.putObject("labels").put("en", AGE_LABELS[i]);
        }
        write(target, root);
    }

    private static void writeDefinition(Path target, int municipalities, int years) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", DATASET_ID);
        root.putObject("title").put("en", "Registered unemployed by municipality, sex and age (synthetic benchmark data)");
        root.putObject("description").put("en", "SYNTHETIC BENCHMARK DATA — generated by org.lmobservatory.seed.ScaleGenerator for "
                + municipalities + " invented municipalities over " + years + " years; not statistics of any kind.");
        root.put("theme", "labour-market");
        root.putArray("keywords").add("benchmark").add("synthetic");
        root.put("frequency", "M");
        ObjectNode unit = root.putObject("unit");
        unit.put("id", "PERS");
        unit.putObject("label").put("en", "persons");
        unit.put("multiplier", 0);
        unit.put("decimals", 0);
        root.put("source", "Labour Market Observatory benchmark generator (synthetic)");
        root.put("licence", "CC-BY-4.0");
        root.put("demonstration", true);
        ArrayNode dims = root.putArray("dimensions");
        dims.addObject().put("id", "geo").put("codelist", GEO_CODELIST).put("role", "geo").putObject("label").put("en", "Area");
        dims.addObject().put("id", "sex").put("codelist", "SEX").putObject("label").put("en", "Sex");
        dims.addObject().put("id", "age").put("codelist", AGE_CODELIST).putObject("label").put("en", "Age class");
        write(target, root);
    }

    /**
     * Males and females per age group and month; the total is their sum. Small female/male counts are flagged
     * confidential with no value (as statistical offices suppress them), the last month is provisional.
     */
    static long writeObservations(Path target, int municipalities, int years) throws IOException {
        Files.createDirectories(target.getParent());
        int months = years * 12;
        int firstYear = LAST_YEAR - years + 1;
        String[] periods = new String[months];
        for (int i = 0; i < months; i++) periods[i] = String.format(Locale.ROOT, "%d-%02d", firstYear + i / 12, i % 12 + 1);
        SplittableRandom random = new SplittableRandom(SEED);
        long[][] female = new long[AGES.length][months];
        long[][] male = new long[AGES.length][months];
        long rows = 0;
        StringBuilder line = new StringBuilder(64);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), 1 << 20)) {
            w.write("geo,sex,age,time,value,flag\n");
            for (int n = 1; n <= municipalities; n++) {
                String geo = municipalityId(n);
                // Log-normal municipality sizes: many small places, a few large ones, as in any country.
                double registered = 300 * Math.exp(1.2 * gaussian(random)) + 20;
                double trend = 0.02 * gaussian(random);
                for (int a = 0; a < AGES.length; a++) {
                    fill(female[a], registered * AGE_SHARE[a] * 0.46, trend, random);
                    fill(male[a], registered * AGE_SHARE[a] * 0.54, trend, random);
                }
                for (String sex : SEXES) {
                    for (int a = 0; a < AGES.length; a++) {
                        for (int t = 0; t < months; t++) {
                            long f = female[a][t];
                            long m = male[a][t];
                            long value = switch (sex) {
                                case "F" -> f;
                                case "M" -> m;
                                default -> f + m;
                            };
                            line.setLength(0);
                            line.append(geo).append(',').append(sex).append(',').append(AGES[a]).append(',').append(periods[t]).append(',');
                            boolean confidential = !sex.equals("T") && value < 3;
                            if (!confidential) line.append(value);
                            line.append(',');
                            if (confidential) line.append('c');
                            else if (t == months - 1) line.append('p');
                            line.append('\n');
                            w.append(line);
                            rows++;
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** A seasonal, trending, autocorrelated monthly series around the given level. */
    private static void fill(long[] out, double level, double yearlyTrend, SplittableRandom random) {
        double noise = 0;
        for (int t = 0; t < out.length; t++) {
            noise = 0.8 * noise + 0.05 * gaussian(random);
            double v = level * SEASON[t % 12] * Math.exp(yearlyTrend * t / 12.0 + noise);
            out[t] = Math.max(0, Math.round(v));
        }
    }

    /** Box–Muller: SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static void write(Path target, JsonNode root) throws IOException {
        Files.createDirectories(target.getParent());
        JSON.writeValue(target.toFile(), root);
    }
}
