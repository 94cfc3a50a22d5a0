package org.lmobservatory.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Writes the demonstration observation files {@code seed/data/<dataset-id>.csv} from the seed codelists and dataset
 * definitions. Every value is invented: fixed random seeds, rough orders of magnitude typed in below (population sizes,
 * national levels, trends, shares) and noise. None of it is, or is derived from, official statistics.
 *
 * <p>The output depends only on the seed folder's codelists and definitions, so the same inputs always give the same bytes
 * and the committed CSV files can be compared with {@link #generate(Path)}.
 *
 * <p>Usage: {@code java -cp target/observatory.jar org.lmobservatory.seed.DemoSeedGenerator [seed-folder]} (default
 * {@code seed}).
 */
public final class DemoSeedGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoSeedGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path seedDir = Path.of(args.length > 0 ? args[0] : "seed");
        Path dataDir = seedDir.resolve("data");
        Files.createDirectories(dataDir);
        for (Map.Entry<String, String> file : generate(seedDir).entrySet()) {
            Files.writeString(dataDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            long rows = file.getValue().chars().filter(c -> c == '\n').count() - 1;
            System.out.printf(Locale.ROOT, "wrote %s (%d rows)%n", dataDir.resolve(file.getKey()), rows);
        }
    }

    /** CSV file name (e.g. {@code registered-unemployed.csv}) to its full content, for every dataset this class knows. */
    public static Map<String, String> generate(Path seedDir) throws IOException {
        Map<String, List<Code>> codelists = new TreeMap<>();
        try (var files = Files.list(seedDir.resolve("codelists"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = JSON.readTree(f.toFile());
                List<Code> codes = new ArrayList<>();
                for (JsonNode c : node.path("codes")) {
                    codes.add(new Code(c.path("id").asText(), text(c.path("parent")), text(c.path("level"))));
                }
                codelists.put(node.path("id").asText(), codes);
            }
        }
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.list(seedDir.resolve("datasets"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode def = JSON.readTree(f.toFile());
                String id = def.path("id").asText();
                if (BarometerSeedGenerator.generates(id)) {
                    out.put(id + ".csv", BarometerSeedGenerator.csv(id, seedDir));
                    continue;
                }
                Spec spec = SPECS.get(id);
                if (spec == null) continue; // a dataset without a demonstration model: nothing to generate
                List<String> dimIds = new ArrayList<>();
                List<String> dimCodelists = new ArrayList<>();
                for (JsonNode d : def.path("dimensions")) {
                    dimIds.add(d.path("id").asText());
                    dimCodelists.add(d.path("codelist").asText());
                }
                if (!dimCodelists.equals(spec.codelists())) {
                    throw new IllegalStateException(id + ": dimensions " + dimCodelists + " differ from the generator's model "
                            + spec.codelists() + "; update DemoSeedGenerator");
                }
                Model model = new Model(codelists, new Random(spec.seed()));
                List<Row> rows = spec.generator().rows(model, spec.periods());
                int measureAt = dimIds.indexOf(def.path("measures").path("dimension").asText());
                if (measureAt < 0) applyFlags(rows, spec.periods().size() - 1, new Random(spec.seed() * 31 + 7));
                else applyFlagsPerCell(rows, measureAt, spec.periods().size() - 1, new Random(spec.seed() * 31 + 7));
                out.put(id + ".csv", toCsv(dimIds, spec.periods(), rows, decimals(def, measureAt)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Datasets: seed, periods, dimension codelists (in definition order) and the model that fills them.

    private record Spec(long seed, List<String> periods, List<String> codelists, Generator generator) {
    }

    private interface Generator {
        List<Row> rows(Model m, List<String> periods);
    }

    private static final Map<String, Spec> SPECS = Map.of(
            "cz-pno", new Spec(20210004L, months(2021, 2025), List.of("GEO", "CZ_PNO_MEASURE"), DemoSeedGenerator::czechPno),
            "xk-vet-labour-match", new Spec(20190005L, years(2019, 2025), List.of("GEO", "XK_PROFILE_OCCUPATION", "XK_LMIS_MEASURE"),
                    DemoSeedGenerator::kosovoVetLabourMatch),
            "registered-unemployed", new Spec(20190101L, months(2019, 2025), List.of("GEO"),
                    DemoSeedGenerator::registeredUnemployed),
            "unemployment-rate", new Spec(20150001L, years(2015, 2025), List.of("GEO", "SEX", "AGE"),
                    DemoSeedGenerator::unemploymentRate),
            "vet-enrolment", new Spec(20180002L, years(2018, 2025), List.of("GEO", "ISCEDF13", "SEX"),
                    DemoSeedGenerator::vetEnrolment),
            "job-vacancies", new Spec(20190003L, quarters(2019, 2025), List.of("GEO", "ISCO08"),
                    DemoSeedGenerator::jobVacancies));

    /** Monthly stock of registered unemployed per municipality: population x national share x trend x season. */
    private static List<Row> registeredUnemployed(Model m, List<String> periods) {
        List<Row> rows = new ArrayList<>();
        // The municipalities with a typed-in size: the selection this dataset has always had. The Liberec Region's
        // smaller municipalities came with cz-pno, which publishes their job seekers itself.
        for (String muni : m.geoAtLevel("municipality").stream().filter(POPULATION::containsKey).toList()) {
            Country c = m.country(muni);
            double scale = population(muni) * c.registeredShare
                    * codeFactor("region", m.regionOf(muni), 0.22) * codeFactor("municipality", muni, 0.18);
            double noise = 0;
            for (int t = 0; t < periods.size(); t++) {
                int year = 2019 + t / 12;
                int month = t % 12;
                double trend = c.rateAt(year + (month + 0.5) / 12) / c.rateAt(2019.5);
                noise = 0.6 * noise + 0.025 * m.rnd.nextGaussian();
                double v = scale * trend * (1 + c.pandemicPeak * pandemic(year, month)) * c.season[month] * Math.exp(noise);
                rows.add(new Row(new String[]{muni}, t, Math.max(1, Math.round(v))));
            }
        }
        return rows;
    }

    /** Annual rates by sex and age; totals are labour-force-weighted averages of the groups. */
    private static List<Row> unemploymentRate(Model m, List<String> periods) {
        double[] ageFactor = {2.1, 0.88, 0.85};   // Y15-24, Y25-54, Y55-74
        double[] ageWeight = {0.09, 0.71, 0.20};  // share of the labour force
        List<String> sexes = m.codes("SEX");
        List<String> ages = m.codes("AGE");
        List<Row> rows = new ArrayList<>();
        for (String geo : m.regionsOrCountries()) {
            Country c = m.country(geo);
            double region = m.isCountry(geo) ? 1 : codeFactor("region", geo, 0.22);
            double[] sexWeight = {1 - c.maleLabourShare, c.maleLabourShare}; // F, M
            double[] sexFactor = {c.femaleFactor, 1};
            double[][][] v = new double[3][4][periods.size()];  // [T,F,M][Y15-74,Y15-24,Y25-54,Y55-74][year]
            for (int t = 0; t < periods.size(); t++) {
                double base = c.rateAt(Integer.parseInt(periods.get(t)) + 0.5) * region * Math.exp(0.05 * m.rnd.nextGaussian());
                double weighted = 0;
                for (int s = 0; s < 2; s++) {
                    for (int a = 0; a < 3; a++) {
                        v[s + 1][a + 1][t] = base * sexFactor[s] * ageFactor[a] * Math.exp(0.06 * m.rnd.nextGaussian());
                        weighted += sexWeight[s] * ageWeight[a] * v[s + 1][a + 1][t];
                    }
                }
                for (int s = 1; s < 3; s++) {
                    for (int a = 1; a < 4; a++) {
                        v[s][a][t] = Math.min(65, v[s][a][t] * base / weighted);
                        v[0][a][t] += sexWeight[s - 1] * v[s][a][t];
                        v[s][0][t] += ageWeight[a - 1] * v[s][a][t];
                        v[0][0][t] += sexWeight[s - 1] * ageWeight[a - 1] * v[s][a][t];
                    }
                }
            }
            for (String sex : sexes) {
                for (String age : ages) {
                    int s = index(sex, "T", "F", "M");
                    int a = index(age, "Y15-74", "Y15-24", "Y25-54", "Y55-74");
                    for (int t = 0; t < periods.size(); t++) rows.add(new Row(new String[]{geo, sex, age}, t, v[s][a][t]));
                }
            }
        }
        return rows;
    }

    /** Annual VET enrolment by broad field and sex; F and M are whole numbers, T = F + M, TOTAL = sum of fields. */
    private static List<Row> vetEnrolment(Model m, List<String> periods) {
        // F00..F10: share of VET students and share of them who are women (invented, roughly typical of VET).
        double[] fieldShare = {0.01, 0.02, 0.05, 0.02, 0.14, 0.01, 0.07, 0.33, 0.05, 0.14, 0.16};
        double[] femaleShare = {0.50, 0.85, 0.60, 0.65, 0.62, 0.45, 0.15, 0.12, 0.35, 0.84, 0.55};
        List<String> fields = m.codes("ISCEDF13");
        List<String> sexes = m.codes("SEX");
        List<Row> rows = new ArrayList<>();
        for (String geo : m.regionsOrCountries()) {
            Country c = m.country(geo);
            double scale = population(geo) * c.vetShare * codeFactor("vet", geo, 0.10);
            double[] fieldNoise = new double[11];
            double[] female = new double[11];
            for (int f = 0; f < 11; f++) {
                fieldNoise[f] = Math.exp(0.15 * m.rnd.nextGaussian());
                female[f] = Math.max(0.03, Math.min(0.97, femaleShare[f] + 0.03 * m.rnd.nextGaussian()));
            }
            long[][][] n = new long[12][3][periods.size()]; // [TOTAL,F00..F10][T,F,M][year]
            for (int t = 0; t < periods.size(); t++) {
                double total = scale * (1 + c.vetTrend * t) * Math.exp(0.02 * m.rnd.nextGaussian());
                for (int f = 0; f < 11; f++) {
                    long all = Math.round(total * fieldShare[f] * fieldNoise[f] * Math.exp(0.04 * m.rnd.nextGaussian()));
                    long women = Math.round(all * female[f]);
                    long[] cell = {all, women, all - women};
                    for (int s = 0; s < 3; s++) {
                        n[f + 1][s][t] = cell[s];
                        n[0][s][t] += cell[s];
                    }
                }
            }
            for (String field : fields) {
                int f = field.equals("TOTAL") ? 0 : index(field, FIELDS) + 1;
                for (String sex : sexes) {
                    int s = index(sex, "T", "F", "M");
                    for (int t = 0; t < periods.size(); t++) rows.add(new Row(new String[]{geo, field, sex}, t, n[f][s][t]));
                }
            }
        }
        return rows;
    }

    private static final String[] FIELDS = {"F00", "F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F09", "F10"};
    private static final String[] OCCUPATIONS = {"OC0", "OC1", "OC2", "OC3", "OC4", "OC5", "OC6", "OC7", "OC8", "OC9"};

    /** Quarterly vacancies by ISCO-08 major group; TOTAL is the sum of the groups. */
    private static List<Row> jobVacancies(Model m, List<String> periods) {
        double[] occupationShare = {0.002, 0.04, 0.20, 0.15, 0.08, 0.16, 0.02, 0.14, 0.10, 0.108};
        double[] yearLevel = {1.00, 0.80, 1.05, 1.20, 1.05, 0.92, 0.88}; // 2019..2025
        double[] quarterLevel = {0.95, 1.10, 1.00, 0.95};
        List<Row> rows = new ArrayList<>();
        for (String geo : m.regionsOrCountries()) {
            Country c = m.country(geo);
            double region = m.isCountry(geo) ? 1 : codeFactor("region", geo, 0.22);
            double scale = population(geo) * c.vacancyRate * codeFactor("vacancies", geo, 0.10) / Math.sqrt(region);
            double[] occupationNoise = new double[10];
            for (int o = 0; o < 10; o++) occupationNoise[o] = Math.exp(0.2 * m.rnd.nextGaussian());
            long[][] n = new long[11][periods.size()]; // [TOTAL,OC0..OC9][quarter]
            for (int t = 0; t < periods.size(); t++) {
                double dip = t == 5 ? 0.72 : 1; // 2020-Q2
                double total = scale * yearLevel[Math.min(t / 4, yearLevel.length - 1)] * quarterLevel[t % 4] * dip
                        * Math.exp(0.04 * m.rnd.nextGaussian());
                for (int o = 0; o < 10; o++) {
                    n[o + 1][t] = Math.round(total * occupationShare[o] * occupationNoise[o] * Math.exp(0.07 * m.rnd.nextGaussian()));
                    n[0][t] += n[o + 1][t];
                }
            }
            // Major groups and the total only: the unit groups in ISCO08 are the barometer's.
            for (String occupation : m.codesAtLevel("ISCO08", "total", "major-group")) {
                int o = occupation.equals("TOTAL") ? 0 : index(occupation, OCCUPATIONS) + 1;
                for (int t = 0; t < periods.size(); t++) rows.add(new Row(new String[]{geo, occupation}, t, n[o][t]));
            }
        }
        return rows;
    }

    /**
     * Czech PNO by municipality of the Liberec Region: the population aged 15-64 (one value per year) and the available
     * job seekers aged 15-64 (monthly) are whole numbers, and PNO is computed from exactly those two published numbers,
     * rounded half up to 2 decimals, so the ratio on every row can be checked from the row's counts.
     */
    private static List<Row> czechPno(Model m, List<String> periods) {
        List<Row> rows = new ArrayList<>();
        for (String muni : m.geoAtLevel("municipality").stream().filter(c -> m.hasAncestor(c, "CZ051")).toList()) {
            Country c = m.country(muni);
            double working = 1000 * LIBEREC_REGION_POPULATION.get(muni) * 0.64 * codeFactor("working-age", muni, 0.03);
            double level = 1.45 * codeFactor("pno", muni, 0.30);
            double noise = 0;
            for (int t = 0; t < periods.size(); t++) {
                int year = 2021 + t / 12;
                int month = t % 12;
                long population = Math.round(working * (1 - 0.004 * (year - 2021)));
                noise = 0.6 * noise + 0.04 * m.rnd.nextGaussian();
                double share = c.rateAt(year + (month + 0.5) / 12) / 100 * level * c.season[month] * Math.exp(noise);
                long jobseekers = Math.max(1, Math.round(population * share));
                BigDecimal pno = BigDecimal.valueOf(100 * jobseekers).divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
                rows.add(new Row(new String[]{muni, "PNO"}, t, pno.doubleValue()));
                rows.add(new Row(new String[]{muni, "JOBSEEKERS_15_64"}, t, jobseekers));
                rows.add(new Row(new String[]{muni, "POP_15_64"}, t, population));
            }
        }
        return rows;
    }

    /** Rough total population in thousands of the Liberec Region municipalities of cz-pno (Liberec itself is in POPULATION). */
    private static final Map<String, Double> LIBEREC_REGION_POPULATION = populations(
            "CZ_563889 104 CZ_561380 37 CZ_561860 12 CZ_563510 45 CZ_564028 7.5 CZ_564095 7.6 CZ_564117 6.2 CZ_561631 3.6 "
            + "CZ_564265 3.6 CZ_576964 8.2 CZ_577626 14.4");

    /**
     * Kosovo: VET enrolment by profile (education ministry) next to job seekers and vacancies in the paired occupation
     * (employment agency), per region and year. TOTAL is the sum of the listed pairs for each measure.
     */
    private static List<Row> kosovoVetLabourMatch(Model m, List<String> periods) {
        // Per pair, in codelist order after TOTAL: share of VET students in the profile, share of registered job seekers
        // and of notified vacancies in the occupation. Invented, roughly plausible.
        double[] enrolled = {0.14, 0.10, 0.05, 0.06, 0.16, 0.08, 0.14, 0.17, 0.05};
        double[] seeking = {0.020, 0.015, 0.060, 0.012, 0.010, 0.020, 0.015, 0.030, 0.040};
        double[] vacant = {0.04, 0.03, 0.08, 0.03, 0.03, 0.06, 0.03, 0.04, 0.02};
        List<String> pairs = m.codes("XK_PROFILE_OCCUPATION");
        String[] measures = {"VET_ENROLLED", "JOBSEEKERS", "VACANCIES"};
        List<Row> rows = new ArrayList<>();
        for (String region : m.geo.values().stream().filter(c -> "XK".equals(c.parent())).map(Code::id).toList()) {
            Country c = m.country(region);
            double people = m.geo.values().stream().filter(x -> region.equals(x.parent())).mapToDouble(x -> population(x.id())).sum();
            double[][] shares = {enrolled, seeking, vacant};
            double[] scale = {people * c.vetShare, people * c.registeredShare, people * c.vacancyRate * 2};
            double[][] pairNoise = new double[3][enrolled.length];
            for (double[] n : pairNoise) for (int p = 0; p < n.length; p++) n[p] = Math.exp(0.15 * m.rnd.nextGaussian());
            long[][][] n = new long[3][pairs.size()][periods.size()]; // [measure][TOTAL, pairs…][year]
            for (int t = 0; t < periods.size(); t++) {
                double[] trend = {1 + c.vetTrend * t, c.rateAt(Integer.parseInt(periods.get(t)) + 0.5) / c.rateAt(2019.5), 1 + 0.04 * t};
                for (int k = 0; k < 3; k++) {
                    for (int p = 0; p < enrolled.length; p++) {
                        long v = Math.round(scale[k] * shares[k][p] * pairNoise[k][p] * trend[k] * Math.exp(0.06 * m.rnd.nextGaussian()));
                        n[k][p + 1][t] = v;
                        n[k][0][t] += v;
                    }
                }
            }
            for (int p = 0; p < pairs.size(); p++) {
                int at = pairs.get(p).equals("TOTAL") ? 0 : p;
                for (int k = 0; k < 3; k++) {
                    for (int t = 0; t < periods.size(); t++) rows.add(new Row(new String[]{region, pairs.get(p), measures[k]}, t, n[k][at][t]));
                }
            }
        }
        return rows;
    }

    /** Extra rise of registered unemployment in spring 2020, fading out by autumn 2021 (0..1). */
    private static double pandemic(int year, int month) {
        int i = (year - 2020) * 12 + month; // 0 = 2020-01
        if (i < 3 || i > 20) return 0;
        if (i == 3) return 0.7;
        if (i <= 5) return 1;
        return (21 - i) / 16.0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Invented magnitudes. Rough orders of magnitude only, so the demonstration values look plausible.

    private record Country(double[] rate, double registeredShare, double pandemicPeak, double[] season, double femaleFactor,
                           double maleLabourShare, double vetShare, double vetTrend, double vacancyRate) {
        /** Unemployment level at a fractional year, linear between mid-year points of 2015..2025. */
        double rateAt(double year) {
            double x = Math.max(0, Math.min(rate.length - 1, year - 2015.5));
            int i = (int) Math.floor(x);
            if (i >= rate.length - 1) return rate[rate.length - 1];
            return rate[i] + (x - i) * (rate[i + 1] - rate[i]);
        }
    }

    private static final double[] WINTER_PEAK = {1.07, 1.08, 1.04, 0.99, 0.96, 0.95, 0.96, 0.96, 0.95, 0.95, 0.97, 1.02};
    private static final double[] SUMMER_PEAK = {1.05, 1.04, 1.00, 0.96, 0.97, 1.10, 1.14, 1.01, 0.94, 0.93, 0.95, 1.01};
    private static final double[] FLAT = {1.02, 1.03, 1.02, 1.00, 0.99, 0.98, 0.98, 0.98, 0.99, 1.00, 1.00, 1.01};

    private static final Map<String, Country> COUNTRIES = Map.of(
            "FI", new Country(new double[]{9.4, 8.8, 8.6, 7.4, 6.7, 7.7, 7.6, 6.8, 7.2, 8.4, 9.5},
                    0.050, 0.35, SUMMER_PEAK, 0.95, 0.52, 0.025, 0.010, 0.010),
            "BG", new Country(new double[]{9.1, 7.6, 6.2, 5.2, 4.2, 5.1, 5.3, 4.3, 4.3, 3.8, 3.6},
                    0.018, 0.25, WINTER_PEAK, 0.90, 0.53, 0.009, -0.020, 0.004),
            "PL", new Country(new double[]{7.5, 6.2, 4.9, 3.9, 3.3, 3.2, 3.4, 2.9, 2.8, 2.9, 3.2},
                    0.012, 0.10, WINTER_PEAK, 1.05, 0.55, 0.011, 0.005, 0.0035),
            "CZ", new Country(new double[]{5.1, 4.0, 2.9, 2.2, 2.0, 2.6, 2.8, 2.2, 2.6, 2.8, 3.0},
                    0.020, 0.25, WINTER_PEAK, 1.25, 0.55, 0.012, 0.010, 0.012),
            "XK", new Country(new double[]{24.5, 23.5, 23.0, 22.0, 21.0, 22.5, 19.5, 14.0, 11.5, 11.0, 10.5},
                    0.045, 0.10, FLAT, 1.35, 0.70, 0.022, -0.010, 0.004));
    private static final Country OTHER = new Country(new double[]{8, 7.5, 7, 6.5, 6, 7, 6.8, 6.2, 6, 6, 6},
            0.03, 0.2, WINTER_PEAK, 1.0, 0.53, 0.012, 0.0, 0.006);

    /** Rough population in thousands; codes missing here get a random size. */
    private static final Map<String, Double> POPULATION = populations(
            // NUTS 2 regions and Kosovo as a whole
            "FI19 1370 FI1B 1730 FI1C 1080 FI1D 1270 FI20 30 "
            + "BG31 720 BG32 760 BG33 880 BG34 980 BG41 2080 BG42 1380 "
            + "CZ01 1350 CZ02 1420 CZ03 1230 CZ04 1090 CZ05 1490 CZ06 1720 CZ07 1190 CZ08 1170 "
            + "PL21 3430 PL22 4380 PL41 3500 PL42 1650 PL43 980 PL51 2880 PL52 950 PL61 2030 PL62 1390 PL63 2350 "
            + "PL71 2400 PL72 1200 PL81 2060 PL82 2100 PL84 1160 PL91 3120 PL92 2300 XK 1600 "
            // municipalities
            + "FI_091 665 FI_049 310 FI_092 245 FI_837 250 FI_853 200 FI_564 215 FI_179 147 FI_698 65 "
            + "BG_SOF46 1250 BG_PDV22 340 BG_VAR06 330 BG_BGS04 200 BG_RSE27 140 BG_SZR31 150 BG_PVN24 110 "
            + "PL_1465011 1860 PL_1261011 800 PL_1061011 660 PL_0264011 670 PL_3064011 540 PL_2261011 485 PL_3262011 390 "
            + "CZ_554782 1350 CZ_582786 400 CZ_554821 285 CZ_554791 185 CZ_500496 100 CZ_563889 105 "
            + "XK_01 40 XK_02 34 XK_03 58 XK_04 108 XK_05 45 XK_06 94 XK_07 90 XK_08 11 XK_09 9.4 XK_10 39 "
            + "XK_11 6 XK_12 33 XK_13 36 XK_14 38 XK_15 2.6 XK_16 18 XK_17 58 XK_18 60 XK_19 5.5 XK_20 72 "
            + "XK_21 29 XK_22 6.7 XK_23 21.5 XK_24 1.8 XK_25 96 XK_26 88 XK_27 200 XK_28 178 XK_29 56 XK_30 3.9 "
            + "XK_31 6.9 XK_32 27 XK_33 51 XK_34 59 XK_35 47 XK_36 70 XK_37 15 XK_38 17");

    private static Map<String, Double> populations(String pairs) {
        String[] p = pairs.trim().split("\\s+");
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i += 2) map.put(p[i], Double.parseDouble(p[i + 1]));
        return map;
    }

    private static double population(String code) {
        Double thousands = POPULATION.get(code);
        return 1000 * (thousands != null ? thousands : 5 + 95 * new Random(code.hashCode()).nextDouble());
    }

    /** A lasting, dataset-independent factor for a code (exp of a normal with the given spread). */
    private static double codeFactor(String salt, String code, double sigma) {
        return Math.exp(sigma * new Random((salt + ":" + code).hashCode()).nextGaussian());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Codelists, rows, flags and CSV.

    private record Code(String id, String parent, String level) {
    }

    private static final class Model {
        final Map<String, List<Code>> codelists;
        final Map<String, Code> geo = new LinkedHashMap<>();
        final Random rnd;

        Model(Map<String, List<Code>> codelists, Random rnd) {
            this.codelists = codelists;
            this.rnd = rnd;
            for (Code c : codelists.getOrDefault("GEO", List.of())) geo.put(c.id(), c);
        }

        List<String> codes(String codelist) {
            return codelists.getOrDefault(codelist, List.of()).stream().map(Code::id).toList();
        }

        boolean hasAncestor(String id, String ancestor) {
            for (Code c = geo.get(id); c != null && c.parent() != null; c = geo.get(c.parent())) {
                if (c.parent().equals(ancestor)) return true;
            }
            return false;
        }

        List<String> codesAtLevel(String codelist, String... levels) {
            List<String> wanted = List.of(levels);
            return codelists.getOrDefault(codelist, List.of()).stream().filter(c -> wanted.contains(c.level())).map(Code::id).toList();
        }

        List<String> geoAtLevel(String level) {
            return geo.values().stream().filter(c -> level.equals(c.level())).map(Code::id).toList();
        }

        /** NUTS 2 regions, plus countries that have none (Kosovo), in codelist order. */
        List<String> regionsOrCountries() {
            return geo.values().stream()
                    .filter(c -> "region".equals(c.level())
                            || ("country".equals(c.level()) && geo.values().stream()
                            .noneMatch(r -> "region".equals(r.level()) && root(r.id()).equals(c.id()))))
                    .map(Code::id).toList();
        }

        boolean isCountry(String id) {
            return "country".equals(geo.get(id).level());
        }

        String root(String id) {
            Code c = geo.get(id);
            while (c.parent() != null) c = geo.get(c.parent());
            return c.id();
        }

        /** The NUTS 2 ancestor, or the closest ancestor below the country where there is none. */
        String regionOf(String id) {
            Code c = geo.get(id);
            Code below = c;
            while (c != null && !"region".equals(c.level()) && c.parent() != null) {
                below = c;
                c = geo.get(c.parent());
            }
            return c != null && "region".equals(c.level()) ? c.id() : below.id();
        }

        Country country(String id) {
            return COUNTRIES.getOrDefault(root(id), OTHER);
        }
    }

    private static final class Row {
        final String[] key;
        final int period;
        final double value;
        boolean missing;
        String flag = "";

        Row(String[] key, int period, double value) {
            this.key = key;
            this.period = period;
            this.value = value;
        }
    }

    /** Latest period provisional ("p"), about 1 % estimated ("e"), and a handful missing ("m", no value). */
    private static void applyFlags(List<Row> rows, int lastPeriod, Random rnd) {
        for (Row r : rows) {
            if (r.period == lastPeriod) r.flag = "p";
            else if (rnd.nextDouble() < 0.01) r.flag = "e";
        }
        int wanted = Math.max(3, Math.min(8, rows.size() / 1500));
        for (int done = 0; done < wanted; ) {
            Row r = rows.get(rnd.nextInt(rows.size()));
            if (r.period == lastPeriod || r.missing) continue;
            r.missing = true;
            r.flag = "m";
            done++;
        }
    }

    /**
     * The measures of one key and period (e.g. PNO and its numerator and denominator) share their flags, so a missing
     * or estimated count never sits next to a published ratio computed from it. Otherwise as {@link #applyFlags}.
     */
    private static void applyFlagsPerCell(List<Row> rows, int measureAt, int lastPeriod, Random rnd) {
        Map<String, List<Row>> cells = new LinkedHashMap<>();
        for (Row r : rows) {
            String[] key = r.key.clone();
            key[measureAt] = "";
            cells.computeIfAbsent(String.join("\u0000", key) + "\u0000" + r.period, k -> new ArrayList<>()).add(r);
        }
        List<List<Row>> groups = new ArrayList<>(cells.values());
        for (List<Row> g : groups) {
            String flag = g.get(0).period == lastPeriod ? "p" : rnd.nextDouble() < 0.01 ? "e" : "";
            for (Row r : g) r.flag = flag;
        }
        int wanted = Math.max(3, Math.min(8, groups.size() / 1500));
        for (int done = 0; done < wanted; ) {
            List<Row> g = groups.get(rnd.nextInt(groups.size()));
            if (g.get(0).period == lastPeriod || g.get(0).missing) continue;
            for (Row r : g) {
                r.missing = true;
                r.flag = "m";
            }
            done++;
        }
    }

    /** Decimals per row: the dataset's unit, or for a dataset with measures the unit of the row's measure. */
    private static ToIntFunction<Row> decimals(JsonNode def, int measureAt) {
        int datasetDecimals = def.path("unit").path("decimals").asInt(0);
        if (measureAt < 0) return r -> datasetDecimals;
        JsonNode measures = def.path("measures").path("codes");
        return r -> measures.path(r.key[measureAt]).path("unit").path("decimals").asInt(datasetDecimals);
    }

    private static String toCsv(List<String> dimIds, List<String> periods, List<Row> rows, ToIntFunction<Row> decimals) {
        StringBuilder sb = new StringBuilder(rows.size() * 32);
        for (String d : dimIds) sb.append(csv(d)).append(',');
        sb.append("time,value,flag\n");
        for (Row r : rows) {
            for (String k : r.key) sb.append(csv(k)).append(',');
            sb.append(periods.get(r.period)).append(',');
            if (!r.missing) sb.append(BigDecimal.valueOf(r.value).setScale(decimals.applyAsInt(r), RoundingMode.HALF_UP).toPlainString());
            sb.append(',').append(r.flag).append('\n');
        }
        return sb.toString();
    }

    private static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static int index(String code, String... known) {
        for (int i = 0; i < known.length; i++) if (known[i].equals(code)) return i;
        throw new IllegalStateException("code " + code + " is not modelled by DemoSeedGenerator; update the generator");
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static List<String> years(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int y = from; y <= to; y++) out.add(Integer.toString(y));
        return out;
    }

    private static List<String> quarters(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int y = from; y <= to; y++) for (int q = 1; q <= 4; q++) out.add(y + "-Q" + q);
        return out;
    }

    private static List<String> months(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int y = from; y <= to; y++) for (int mo = 1; mo <= 12; mo++) out.add(String.format(Locale.ROOT, "%d-%02d", y, mo));
        return out;
    }
}
