package org.lmobservatory.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes {@code seed/graduates/graduates.csv}: invented, pseudonymous graduate records for the demonstration of
 * load-graduates. 30 fictional VET schools in real municipalities of BG, CZ, FI, PL and Kosovo (six per country, one
 * of them tiny), cohorts 2019–2023, each graduate's status 6, 12 and 24 months after graduation, with an earnings
 * decile and field match for the employed. Fixed random seed and rough invented levels: the same bytes every time,
 * and nothing in it is, or is derived from, real people or official statistics.
 *
 * <p>Usage: {@code java -cp target/observatory.jar org.lmobservatory.seed.GraduateSeedGenerator [seed-folder]}.
 */
public final class GraduateSeedGenerator {
    static final long SEED = 20230601L;
    static final int FIRST_COHORT = 2019;
    static final int LAST_COHORT = 2023;
    static final String HEADER = "graduate_id,school,school_name,region,municipality,field,isced_level,sex,graduation_year,"
            + "status_m06,status_m12,status_m24,earnings_band_m06,earnings_band_m12,earnings_band_m24,in_field_m06,in_field_m12,in_field_m24";

    /** A fictional school: size per cohort, fields it teaches (weights). Tiny schools make primary suppression visible. */
    private record School(String code, String name, String region, String municipality, int size, String... fields) {
    }

    /** Invented national levels: employment at 24 months, share in education, unknown status. */
    private record Country(String code, double employed24, double education, double unknown) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("BG", 0.62, 0.14, 0.05), new Country("CZ", 0.80, 0.12, 0.03), new Country("FI", 0.74, 0.16, 0.02),
            new Country("PL", 0.71, 0.15, 0.04), new Country("XK", 0.42, 0.18, 0.07));

    private static final List<School> SCHOOLS = List.of(
            new School("BG-S01", "Sofia Vocational School of Transport (demo)", "BG41", "BG_SOF46", 130, "F07", "F07", "F10", "F04"),
            new School("BG-S02", "Sofia School of Tourism and Services (demo)", "BG41", "BG_SOF46", 95, "F10", "F10", "F04", "F02"),
            new School("BG-S03", "Plovdiv Technical School (demo)", "BG42", "BG_PDV22", 80, "F07", "F06", "F08"),
            new School("BG-S04", "Varna Maritime Vocational School (demo)", "BG33", "BG_VAR06", 70, "F07", "F10", "F04"),
            new School("BG-S05", "Ruse School of Health Care (demo)", "BG32", "BG_RSE27", 45, "F09", "F09", "F10"),
            new School("BG-S06", "Pleven Agricultural School (demo)", "BG31", "BG_PVN24", 7, "F08", "F07"),
            new School("CZ-S01", "Prague Secondary Technical School (demo)", "CZ01", "CZ_554782", 140, "F07", "F06", "F06", "F04"),
            new School("CZ-S02", "Prague Hotel School (demo)", "CZ01", "CZ_554782", 90, "F10", "F10", "F04"),
            new School("CZ-S03", "Brno Vocational School of Engineering (demo)", "CZ06", "CZ_582786", 100, "F07", "F07", "F06"),
            new School("CZ-S04", "Ostrava Secondary School of Mining and Crafts (demo)", "CZ08", "CZ_554821", 75, "F07", "F10", "F08"),
            new School("CZ-S05", "Plzeň Health School (demo)", "CZ03", "CZ_554791", 50, "F09", "F09", "F04"),
            new School("CZ-S06", "Liberec Glass and Arts School (demo)", "CZ05", "CZ_563889", 8, "F02", "F07"),
            new School("FI-S01", "Helsinki Vocational College North (demo)", "FI1B", "FI_091", 135, "F07", "F10", "F04", "F09"),
            new School("FI-S02", "Helsinki College of Health and Welfare (demo)", "FI1B", "FI_091", 85, "F09", "F09", "F10"),
            new School("FI-S03", "Espoo Vocational Institute (demo)", "FI1B", "FI_049", 90, "F06", "F07", "F04"),
            new School("FI-S04", "Tampere Vocational College (demo)", "FI19", "FI_837", 110, "F07", "F07", "F10", "F09"),
            new School("FI-S05", "Oulu Vocational College (demo)", "FI1D", "FI_564", 80, "F07", "F09", "F08"),
            new School("FI-S06", "Rovaniemi Reindeer and Nature School (demo)", "FI1D", "FI_698", 6, "F08", "F10"),
            new School("PL-S01", "Warsaw Technical School Complex (demo)", "PL91", "PL_1465011", 140, "F07", "F06", "F04"),
            new School("PL-S02", "Warsaw School of Gastronomy (demo)", "PL91", "PL_1465011", 85, "F10", "F10", "F02"),
            new School("PL-S03", "Kraków Vocational School of Construction (demo)", "PL21", "PL_1261011", 95, "F07", "F07", "F10"),
            new School("PL-S04", "Poznań School of Economics and Trade (demo)", "PL41", "PL_3064011", 80, "F04", "F04", "F06"),
            new School("PL-S05", "Wrocław Medical Vocational School (demo)", "PL51", "PL_0264011", 55, "F09", "F09", "F10"),
            new School("PL-S06", "Gdańsk Shipbuilding School (demo)", "PL63", "PL_2261011", 9, "F07", "F07"),
            new School("XK-S01", "Pristina Technical School (demo)", "XK01", "XK_27", 120, "F07", "F06", "F04"),
            new School("XK-S02", "Pristina School of Medicine Assistants (demo)", "XK01", "XK_27", 70, "F09", "F09", "F10"),
            new School("XK-S03", "Prizren Vocational School (demo)", "XK04", "XK_28", 75, "F07", "F10", "F02"),
            new School("XK-S04", "Peja School of Tourism (demo)", "XK03", "XK_25", 55, "F10", "F10", "F04"),
            new School("XK-S05", "Gjilan Agricultural School (demo)", "XK06", "XK_07", 45, "F08", "F07"),
            new School("XK-S06", "Rahovec Wine and Food School (demo)", "XK07", "XK_29", 5, "F08", "F10"));

    private GraduateSeedGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "seed").resolve("graduates");
        Files.createDirectories(dir);
        String csv = generate();
        Files.writeString(dir.resolve("graduates.csv"), csv, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "wrote %s (%d graduates)%n", dir.resolve("graduates.csv"), csv.lines().count() - 1);
    }

    /** The whole file. */
    public static String generate() {
        Random rnd = new Random(SEED);
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        int id = 0;
        for (int year = FIRST_COHORT; year <= LAST_COHORT; year++) {
            for (School s : SCHOOLS) {
                Country c = COUNTRIES.stream().filter(x -> s.code().startsWith(x.code())).findFirst().orElseThrow();
                int n = Math.max(1, (int) Math.round(s.size() * (0.85 + 0.3 * rnd.nextDouble())));
                for (int i = 0; i < n; i++) out.append(graduate(rnd, ++id, s, c, year)).append('\n');
            }
        }
        return out.toString();
    }

    private static String graduate(Random rnd, int id, School s, Country c, int year) {
        String field = s.fields()[rnd.nextInt(s.fields().length)];
        String sex = rnd.nextDouble() < femaleShare(field) ? "F" : "M";
        String level = rnd.nextDouble() < 0.85 ? "ED3" : "ED4";
        String[] status = new String[3];
        String[] band = new String[3];
        String[] inField = new String[3];
        double fieldFactor = switch (field) {
            case "F06", "F07", "F09" -> 1.08;
            case "F02", "F08" -> 0.88;
            default -> 1.0;
        };
        double cohort = year == 2020 ? 0.9 : 1.0; // the pandemic cohort found work more slowly
        for (int m = 0; m < 3; m++) {
            double ramp = new double[]{0.72, 0.88, 1.0}[m];
            String previous = m == 0 ? null : status[m - 1];
            if (previous != null && !previous.equals("unknown") && rnd.nextDouble() < 0.6) status[m] = previous;
            else status[m] = draw(rnd, c, Math.min(0.97, c.employed24() * ramp * fieldFactor * cohort), c.education() * (1.3 - 0.15 * m));
            boolean employed = status[m].equals("employed") || status[m].equals("both");
            band[m] = employed && rnd.nextDouble() > 0.05 ? Integer.toString(decile(rnd, m, field)) : "";
            inField[m] = employed && rnd.nextDouble() > 0.03 ? (rnd.nextDouble() < 0.62 * fieldFactor ? "Y" : "N") : "";
        }
        return String.join(",", String.format(Locale.ROOT, "G%06d", id), s.code(), s.name(), s.region(), s.municipality(), field, level,
                sex, Integer.toString(year), status[0], status[1], status[2], band[0], band[1], band[2], inField[0], inField[1], inField[2]);
    }

    private static String draw(Random rnd, Country c, double employed, double education) {
        double u = rnd.nextDouble();
        if (u < c.unknown()) return "unknown";
        u = rnd.nextDouble();
        if (u < employed * 0.93) return "employed";
        if (u < employed) return "both";
        if (u < employed + education) return "education";
        return "neet";
    }

    private static int decile(Random rnd, int followUp, String field) {
        double centre = 3 + 0.7 * followUp + switch (field) {
            case "F06" -> 1.5;
            case "F07" -> 0.6;
            case "F10", "F02" -> -0.5;
            default -> 0;
        };
        return (int) Math.max(1, Math.min(10, Math.round(centre + 1.6 * rnd.nextGaussian())));
    }

    private static double femaleShare(String field) {
        return switch (field) {
            case "F07" -> 0.14;
            case "F06" -> 0.2;
            case "F08" -> 0.35;
            case "F10" -> 0.55;
            case "F02" -> 0.6;
            case "F04" -> 0.65;
            case "F09" -> 0.86;
            default -> 0.5;
        };
    }
}
