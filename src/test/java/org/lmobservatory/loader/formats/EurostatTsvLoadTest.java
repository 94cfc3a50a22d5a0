package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.support.TestServer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real Eurostat bulk TSV files through the real loader into PostgreSQL, checked cell by cell through the API. */
class EurostatTsvLoadTest {

    /** One source cell, parsed here with a plain split so the reader under test is not checking itself. */
    record SourceCell(List<String> codes, String time, String value, String flags, boolean missing) {
        ApiCells.Cell expected() {
            if (missing) return ApiCells.Cell.of(null, "m" + flags);
            return ApiCells.Cell.of(value, flags.isEmpty() ? null : flags);
        }
    }

    record Source(List<String> dimensions, List<SourceCell> cells) {
        /** Distinct codes of file dimension i, in order of appearance. */
        Set<String> codes(int i) {
            Set<String> out = new LinkedHashSet<>();
            cells.forEach(c -> out.add(c.codes().get(i)));
            return out;
        }
    }

    static Source parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split("\t");
        List<String> dims = List.of(header[0].split("\\\\")[0].split(","));
        List<SourceCell> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] fields = line.split("\t");
            List<String> codes = List.of(fields[0].split(","));
            for (int c = 1; c < header.length; c++) {
                String cell = fields[c].trim();
                String time = header[c].trim();
                if (cell.startsWith(":")) {
                    cells.add(new SourceCell(codes, time, null, cell.substring(1).trim(), true));
                } else {
                    String[] parts = cell.split(" ");
                    cells.add(new SourceCell(codes, time, parts[0], parts.length > 1 ? parts[1] : "", false));
                }
            }
        }
        return new Source(dims, cells);
    }

    @BeforeAll
    static void server() {
        TestServer.get();
    }

    /** Defines codelists "prefix-DIM" from the file's codes and a dataset over the given file dimensions. */
    static Path define(String datasetId, String prefix, Source source, List<String> datasetDims) throws IOException {
        for (String dim : datasetDims) {
            TestCatalogue.defineCodelist(prefix + "-" + dim.toUpperCase(), source.codes(source.dimensions().indexOf(dim)));
        }
        return TestCatalogue.dataset(datasetId, "A", datasetDims, prefix);
    }

    static List<String> codesOf(SourceCell cell, Source source, List<String> datasetDims) {
        return datasetDims.stream().map(d -> cell.codes().get(source.dimensions().indexOf(d))).toList();
    }

    @Test
    void classicBulkTsvLoadsEveryCellWithValueAndFlags() throws Exception {
        Path file = SharedData.realdata("eurostat/lfst_r_lfu3rt_2014snapshot.tsv");
        Source source = parse(file);
        List<String> dims = List.of("age", "sex", "geo");
        assertEquals(dims, source.dimensions());
        Path definition = define("estat-lfu3rt", "ESTAT-LFU3RT", source, dims);

        LoadReport report = TestServer.loader().load("estat-lfu3rt", file, LoadOptions.defaults().withDefinition(definition));
        assertEquals(LoadReport.Status.VALID, report.status(), report.message() + " " + report.errors());
        assertTrue(report.message().contains("(eurostat-tsv)"), "format detected from the content: " + report.message());
        Publisher.Published published = TestServer.publisher().publish("estat-lfu3rt", report.loadId(), "test");
        ApiCells.awaitRelease("estat-lfu3rt", published.releaseId());
        System.out.printf("[measure] eurostat-tsv lfst_r_lfu3rt: 5,604 lines, %d cells loaded in %.2f s = %.0f cells/s (%.0f lines/s); publish %.2f s%n",
                report.rows(), report.seconds(), report.rowsPerSecond(), 5604 / report.seconds(), published.seconds());

        Map<String, ApiCells.Cell> api = ApiCells.fetchAll("estat-lfu3rt", dims);
        // (b) counts: every cell is an observation, ':' ones as flag m without a value.
        assertEquals(5_604 * 15, source.cells().size());
        assertEquals(source.cells().size(), api.size());
        assertEquals(source.cells().stream().filter(SourceCell::missing).count(), api.values().stream().filter(c -> c.value() == null).count());
        assertEquals(11_380, api.values().stream().filter(c -> c.value() == null && c.flag().startsWith("m")).count(), "':' cells (MANIFEST)");
        assertEquals(source.cells().stream().filter(c -> c.flags().contains("u")).count(), api.values().stream().filter(c -> c.flag() != null && c.flag().contains("u")).count());
        assertEquals(source.cells().stream().filter(c -> c.flags().contains("b")).count(), api.values().stream().filter(c -> c.flag() != null && c.flag().contains("b")).count());
        assertEquals(225, api.values().stream().filter(c -> c.flag() != null && c.flag().contains("b")).count(), "b flags (MANIFEST)");
        // (c) the sum of all values.
        BigDecimal sourceSum = source.cells().stream().filter(c -> !c.missing()).map(c -> new BigDecimal(c.value())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal apiSum = api.values().stream().filter(c -> c.value() != null).map(ApiCells.Cell::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sourceSum.compareTo(apiSum), "sum of values: source " + sourceSum + ", API " + apiSum);

        // (a) 250 random cells, each also asked for on its own with dimension and time filters for the first 20.
        Random random = new Random(20_140_415);
        for (int i = 0; i < 250; i++) {
            SourceCell cell = source.cells().get(random.nextInt(source.cells().size()));
            List<String> codes = codesOf(cell, source, dims);
            ApiCells.Cell served = api.get(ApiCells.key(codes, cell.time()));
            assertTrue(served != null && served.sameAs(cell.expected()), cell + " served as " + served);
            if (i < 20) {
                Map<String, String> filter = new LinkedHashMap<>();
                for (int d = 0; d < dims.size(); d++) filter.put(dims.get(d), codes.get(d));
                filter.put("time", cell.time());
                Map<String, ApiCells.Cell> one = ApiCells.fetch("estat-lfu3rt", dims, filter);
                assertEquals(1, one.size(), filter.toString());
                assertTrue(one.values().iterator().next().sameAs(cell.expected()), cell + " filtered: " + one);
            }
        }
        // Cells read off the file by eye: "9.4 b" and ": u".
        assertTrue(api.get("Y15-24|F|AT|2013").sameAs(ApiCells.Cell.of("9.4", "b")));
        assertTrue(api.get("Y15-24|F|AT1|1999").sameAs(ApiCells.Cell.of("6.3", "u")));
    }

    @Test
    void currentHeaderStyleWithConstantFreqAndUnitColumns() throws Exception {
        Path une = SharedData.realdata("eurostat/excerpts/une_rt_a_EXCERPT_head39lines.tsv");
        Source uneSource = parse(une);
        assertEquals(List.of("freq", "age", "unit", "sex", "geo"), uneSource.dimensions());
        List<String> dims = List.of("age", "sex", "geo");
        ApiCells.publish("estat-une-rt-a", define("estat-une-rt-a", "ESTAT-UNE", uneSource, dims), une);
        Map<String, ApiCells.Cell> api = ApiCells.fetchAll("estat-une-rt-a", dims);
        assertSameCells(uneSource, dims, api);
        assertTrue(api.get("Y15-24|F|AT|2009").sameAs(ApiCells.Cell.of("10.5", null)));
        assertTrue(api.get("Y15-24|F|AT|2003").sameAs(ApiCells.Cell.of(null, "m")));

        Path trng = SharedData.realdata("eurostat/excerpts/trng_lfse_04_EXCERPT_head_AT-CZ_F.tsv");
        Source trngSource = parse(trng);
        assertEquals(List.of("freq", "unit", "sex", "age", "geo"), trngSource.dimensions());
        List<String> trngDims = List.of("sex", "age", "geo");
        ApiCells.publish("estat-trng-lfse-04", define("estat-trng-lfse-04", "ESTAT-TRNG", trngSource, trngDims), trng);
        Map<String, ApiCells.Cell> trngApi = ApiCells.fetchAll("estat-trng-lfse-04", trngDims);
        assertSameCells(trngSource, trngDims, trngApi);
        assertTrue(trngApi.get("F|Y18-64|AT|2004").sameAs(ApiCells.Cell.of("16.8", "b")));
        assertTrue(trngApi.get("F|Y18-64|AT|2000").sameAs(ApiCells.Cell.of("12.2", null)));
    }

    private static void assertSameCells(Source source, List<String> dims, Map<String, ApiCells.Cell> api) {
        assertEquals(source.cells().size(), api.size());
        for (SourceCell cell : source.cells()) {
            ApiCells.Cell served = api.get(ApiCells.key(codesOf(cell, source, dims), cell.time()));
            assertTrue(served != null && served.sameAs(cell.expected()), cell + " served as " + served);
        }
    }
}
