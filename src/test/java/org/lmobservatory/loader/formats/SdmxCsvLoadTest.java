package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Eurostat API output (SDMX-CSV 1.0) through the real loader into PostgreSQL, checked through the API. */
class SdmxCsvLoadTest {

    @BeforeAll
    static void server() {
        TestServer.get();
    }

    @Test
    void eurostatApiSdmxCsvLoadsWithFlagsMissingValuesAndKosovo() throws Exception {
        Path file = SharedData.realdata("eurostat/sdmx-csv-api/estat_ilc_mdes01_sdmxcsv.csv");
        // The source, parsed here with a plain split (the file has no quoted fields).
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        assertEquals(41_922, rows.size());
        int time = header.indexOf("TIME_PERIOD");
        int value = header.indexOf("OBS_VALUE");
        int flag = header.indexOf("OBS_FLAG");

        // The dataset's dimensions are the dimension columns that vary; freq and unit are constant.
        List<String> varying = new ArrayList<>();
        for (int c = header.indexOf("freq"); c < time; c++) {
            int column = c;
            Set<String> codes = rows.stream().map(r -> r[column]).collect(Collectors.toCollection(LinkedHashSet::new));
            if (codes.size() > 1) {
                varying.add(header.get(c));
                TestCatalogue.defineCodelist("ESTAT-ILC-" + header.get(c).toUpperCase(), codes);
            }
        }
        assertEquals(List.of("hhcomp", "rskpovth", "geo"), varying);
        Path definition = TestCatalogue.dataset("estat-ilc-mdes01", "A", varying, "ESTAT-ILC");

        LoadReport report = TestServer.loader().load("estat-ilc-mdes01", file, LoadOptions.defaults().withDefinition(definition));
        assertEquals(LoadReport.Status.VALID, report.status(), report.message() + " " + report.errors());
        assertTrue(report.message().contains("(sdmx-csv)"), report.message());
        Publisher.Published published = TestServer.publisher().publish("estat-ilc-mdes01", report.loadId(), "test");
        ApiCells.awaitRelease("estat-ilc-mdes01", published.releaseId());
        System.out.printf("[measure] sdmx-csv ilc_mdes01: %d rows loaded in %.2f s = %.0f rows/s; publish %.2f s%n",
                report.rows(), report.seconds(), report.rowsPerSecond(), published.seconds());

        Map<String, ApiCells.Cell> api = ApiCells.fetchAll("estat-ilc-mdes01", varying);
        assertEquals(rows.size(), api.size());
        Map<String, Long> expectedFlags = new TreeMap<>();
        BigDecimal sourceSum = BigDecimal.ZERO;
        for (String[] r : rows) {
            ApiCells.Cell expected = expected(r[value], r[flag]);
            if (expected.flag() != null) expectedFlags.merge(expected.flag(), 1L, Long::sum);
            if (expected.value() != null) sourceSum = sourceSum.add(expected.value());
        }
        Map<String, Long> servedFlags = new TreeMap<>(api.values().stream().filter(c -> c.flag() != null)
                .collect(Collectors.groupingBy(ApiCells.Cell::flag, Collectors.counting())));
        assertEquals(expectedFlags, servedFlags);
        // MANIFEST: 84 empty OBS_VALUE, all flagged u → no value, flags "mu".
        assertEquals(84L, servedFlags.get("mu"));
        assertEquals(84L, api.values().stream().filter(c -> c.value() == null).count());
        BigDecimal apiSum = api.values().stream().filter(c -> c.value() != null).map(ApiCells.Cell::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sourceSum.compareTo(apiSum), "sum: source " + sourceSum + ", API " + apiSum);

        Random random = new Random(2_026_0608);
        for (int i = 0; i < 250; i++) {
            String[] r = rows.get(random.nextInt(rows.size()));
            List<String> codes = varying.stream().map(d -> r[header.indexOf(d)]).toList();
            ApiCells.Cell served = api.get(ApiCells.key(codes, r[time]));
            assertTrue(served != null && served.sameAs(expected(r[value], r[flag])), String.join(",", r) + " served as " + served);
        }
        long kosovo = rows.stream().filter(r -> r[header.indexOf("geo")].equals("XK")).count();
        assertTrue(kosovo > 0);
        assertEquals(kosovo, ApiCells.fetch("estat-ilc-mdes01", varying, Map.of("geo", "XK")).size());
    }

    private static ApiCells.Cell expected(String value, String flag) {
        if (value.isEmpty()) return ApiCells.Cell.of(null, "m" + flag);
        return ApiCells.Cell.of(value, flag.isEmpty() ? null : flag);
    }
}
