package org.lmobservatory.sdmx;

import internal.sdmxdl.format.xml.ImmutableXMLInputFactory;
import io.restassured.response.Response;
import nbbrd.io.picocsv.Picocsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.support.TestServer;
import sdmxdl.Attribute;
import sdmxdl.Connection;
import sdmxdl.DataSet;
import sdmxdl.DatabaseRef;
import sdmxdl.Dimension;
import sdmxdl.Flow;
import sdmxdl.FlowRef;
import sdmxdl.Key;
import sdmxdl.Languages;
import sdmxdl.Obs;
import sdmxdl.Query;
import sdmxdl.Series;
import sdmxdl.Structure;
import sdmxdl.format.ObsParser;
import sdmxdl.format.csv.SdmxPicocsvParser;
import sdmxdl.format.xml.SdmxXmlStreams;
import sdmxdl.provider.ri.drivers.Sdmx21RiDriver;
import sdmxdl.web.SdmxWebManager;
import sdmxdl.web.WebSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real SDMX client, sdmx-dl with its reference SDMX 2.1 REST driver (the one it uses for ECB, ILO, OECD, …), pointed
 * at /sdmx/2.1 of the test server: it lists our dataflows, reads a data structure with its codelists, and fetches a
 * series by key. The other data formats are read back with sdmx-dl's own parsers (StructureSpecificData, SDMX-CSV 1.0)
 * and must give the same series. Uses a dataset of its own (ids sdmx-client-…).
 */
class SdmxClientTest {
    private static final String FLOW_ID = "sdmx-client-jobs";
    private static final FlowRef FLOW = FlowRef.parse("LMO," + FLOW_ID + ",1.0");
    private static final DatabaseRef DB = DatabaseRef.NO_DATABASE;

    @BeforeAll
    static void publish() throws Exception {
        useTheJdkStaxParser();
        TestServer.get();
        TestServer.loader().define(TestServer.file("SDMXT-AREA.json", """
                {"id": "SDMXT-AREA", "version": "1", "title": {"en": "Areas of the SDMX client test"},
                 "codes": [
                   {"id": "A1", "level": "region", "labels": {"en": "North", "fi": "Pohjoinen"}},
                   {"id": "A2", "level": "region", "labels": {"en": "South & coast", "fi": "Etelä"}}
                 ]}
                """));
        TestServer.loader().define(TestServer.file("SDMXT-SEX.json", """
                {"id": "SDMXT-SEX", "version": "1", "title": {"en": "Sex"},
                 "codes": [{"id": "F", "labels": {"en": "Women"}}, {"id": "M", "labels": {"en": "Men"}}]}
                """));
        Path definition = TestServer.file(FLOW_ID + ".json", """
                {"id": "sdmx-client-jobs", "title": {"en": "SDMX client test jobs", "fi": "SDMX-testityöpaikat"},
                 "description": {"en": "Test data of the SDMX client test."},
                 "theme": "labour-market", "keywords": ["test"], "frequency": "A",
                 "unit": {"id": "PERS", "label": {"en": "persons"}, "multiplier": 3, "decimals": 1},
                 "source": "SDMX tests", "licence": "CC-BY-4.0", "contact": "test@example.org",
                 "dimensions": [
                   {"id": "area", "codelist": "SDMXT-AREA", "role": "geo", "label": {"en": "Area"}},
                   {"id": "sex", "codelist": "SDMXT-SEX", "label": {"en": "Sex"}}
                 ]}
                """);
        Path data = TestServer.file(FLOW_ID + ".csv", """
                area,sex,time,value,flag
                A1,F,2020,10.5,
                A1,F,2021,11,bu
                A1,F,2022,,c
                A1,F,2023,12.25,p
                A1,M,2020,9,
                A2,F,2021,3,e
                """);
        TestServer.publish(FLOW_ID, definition, data);
    }

    /**
     * sdmx-dl reads SDMX-ML data with a StAX parser that is not namespace-aware, and structures (xml:lang names) with
     * one that is; it builds both once, from whatever StAX implementation the class path offers first. On ours that is
     * Aalto (fastexcel-reader's), which has no namespace-unaware mode, so sdmx-dl would refuse every data message here,
     * as it would not in its own installations (the JDK's parser). Its two parsers are made from the JDK's parser, and
     * the setting is put back at once, so no other test is affected.
     */
    private static void useTheJdkStaxParser() {
        String property = "javax.xml.stream.XMLInputFactory";
        String previous = System.getProperty(property);
        System.setProperty(property, "com.sun.xml.internal.stream.XMLInputFactoryImpl");
        try {
            ImmutableXMLInputFactory.getDefaultInputFactory();
        } finally {
            if (previous == null) System.clearProperty(property);
            else System.setProperty(property, previous);
        }
    }

    private static Connection connect() throws Exception {
        WebSource source = WebSource.builder().id("LMO_TEST").driver("RI_SDMX21")
                .endpointOf(TestServer.baseUrl() + SdmxRoutes.BASE).build();
        SdmxWebManager manager = SdmxWebManager.builder().driver(new Sdmx21RiDriver()).build();
        return manager.getConnection(source, Languages.parse("en"));
    }

    @Test
    void sdmxDlListsOurDataflowsWithTheirNamesAndStructures() throws Exception {
        try (Connection sdmx = connect()) {
            Collection<Flow> flows = sdmx.getFlows(DB);

            Flow flow = flows.stream().filter(f -> f.getRef().equals(FLOW)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + FLOW + " among " + flows.size() + " flows"));
            assertEquals("SDMX client test jobs", flow.getName());
            assertEquals("LMO," + FLOW_ID + ",1.0", flow.getStructureRef().toString());
            assertEquals(flow.getName(), sdmx.getFlow(DB, FLOW).getName(), "one flow by its reference");
        }
    }

    @Test
    void sdmxDlReadsTheDataStructureWithItsCodelistsAndAttributes() throws Exception {
        try (Connection sdmx = connect()) {
            Structure dsd = sdmx.getStructure(DB, FLOW);

            assertEquals(List.of("area", "sex"), dsd.getDimensions().stream().map(Dimension::getId).toList());
            Dimension area = dsd.getDimensions().first();
            assertEquals(Map.of("A1", "North", "A2", "South & coast"), area.getCodes());
            assertEquals("Area", area.getName());
            assertEquals("TIME_PERIOD", dsd.getTimeDimensionId());
            assertEquals("OBS_VALUE", dsd.getPrimaryMeasureId());
            assertEquals(List.of("CONF_STATUS", "OBS_STATUS", "UNIT_MEASURE", "UNIT_MULT"),
                    dsd.getAttributes().stream().map(Attribute::getId).sorted().toList());
        }
    }

    @Test
    void sdmxDlFetchesASeriesByKeyWithItsFlagsAndUnit() throws Exception {
        try (Connection sdmx = connect()) {
            DataSet data = sdmx.getData(DB, FLOW, Query.builder().key(Key.parse("A1.F")).build());

            assertEquals(1, data.getData().size(), "one series matches A1.F");
            Series series = data.getData().iterator().next();
            assertEquals("A1.F", series.getKey().toString());
            assertEquals("PERS", series.getMeta().get("UNIT_MEASURE"));
            assertEquals("3", series.getMeta().get("UNIT_MULT"));
            assertEquals(Map.of("2020", "10.5|", "2021", "11.0|bu", "2022", "NaN|c", "2023", "12.25|p"), cells(series));
        }
    }

    @Test
    void sdmxDlFetchesEverySeriesOfAWildcardKey() throws Exception {
        try (Connection sdmx = connect()) {
            DataSet byArea = sdmx.getData(DB, FLOW, Query.builder().key(Key.parse(".F")).build());
            DataSet all = sdmx.getData(DB, FLOW, Query.ALL);

            assertEquals(List.of("A1.F", "A2.F"), byArea.getData().stream().map(s -> s.getKey().toString()).sorted().toList());
            assertEquals(List.of("A1.F", "A1.M", "A2.F"), all.getData().stream().map(s -> s.getKey().toString()).sorted().toList());
        }
    }

    @Test
    void structureSpecificDataAndSdmxCsv1GiveTheSameSeriesAsGenericData() throws Exception {
        Structure dsd;
        Map<String, Map<String, String>> generic;
        try (Connection sdmx = connect()) {
            dsd = sdmx.getStructure(DB, FLOW);
            generic = bySeries(sdmx.getData(DB, FLOW, Query.ALL).getData().stream());
        }

        byte[] specific = TestServer.given().accept("application/vnd.sdmx.structurespecificdata+xml;version=2.1")
                .get(SdmxRoutes.BASE + "/data/LMO," + FLOW_ID + ",1.0/all/all")
                .then().statusCode(200).contentType(startsWith("application/vnd.sdmx.structurespecificdata+xml"))
                .extract().asByteArray();
        byte[] csv = TestServer.given().accept("application/vnd.sdmx.data+csv;version=1.0.0")
                .get(SdmxRoutes.BASE + "/data/" + FLOW_ID)
                .then().statusCode(200).contentType(containsString("version=1.0.0"))
                .extract().asByteArray();

        try (Stream<Series> series = SdmxXmlStreams.compactData21(dsd, ObsParser::newDefault)
                .parseStream(new ByteArrayInputStream(specific), StandardCharsets.UTF_8).asCloseableStream()) {
            assertEquals(generic, bySeries(series), "StructureSpecificData");
        }
        // sdmx-dl's SDMX-CSV reader keeps the values, not the attributes, and drops cells without a value.
        Picocsv.Parser<DataSet> csvParser = SdmxPicocsvParser.builder().factory(ObsParser::newDefault).build().getParser(dsd);
        DataSet fromCsv = csvParser.parseStream(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
        assertEquals(valuesOnly(generic), valuesOnly(bySeries(fromCsv.getData().stream())), "SDMX-CSV 1.0");
    }

    @Test
    void startAndEndPeriodNarrowTheData() {
        String csv = TestServer.given().accept("application/vnd.sdmx.data+csv;version=1.0.0")
                .queryParam("startPeriod", "2021").queryParam("endPeriod", "2022")
                .get(SdmxRoutes.BASE + "/data/LMO," + FLOW_ID + "/A1.F+M")
                .then().statusCode(200).extract().asString();

        assertEquals(List.of(
                "DATAFLOW,area,sex,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,UNIT_MULT",
                "LMO:sdmx-client-jobs(1.0),A1,F,2021,11,bu,PERS,3",
                "LMO:sdmx-client-jobs(1.0),A1,F,2022,,c,PERS,3"), csv.lines().toList());
    }

    @Test
    void theV1ObservationsGiveSdmxCsv1WhenAcceptAsksForVersion1() {
        String header = TestServer.given().accept("application/vnd.sdmx.data+csv;version=1.0.0")
                .get("/v1/datasets/" + FLOW_ID + "/observations")
                .then().statusCode(200).contentType(containsString("version=1.0.0"))
                .extract().asString().lines().findFirst().orElseThrow();
        String v2 = TestServer.given().queryParam("format", "sdmx-csv").get("/v1/datasets/" + FLOW_ID + "/observations")
                .then().statusCode(200).contentType(containsString("version=2.0.0"))
                .extract().asString().lines().findFirst().orElseThrow();

        assertEquals("DATAFLOW,area,sex,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,UNIT_MULT", header);
        assertEquals("STRUCTURE,STRUCTURE_ID,ACTION,area,sex,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,UNIT_MULT", v2);
    }

    @Test
    void whatWeCannotAnswerIsAProblemNeverAnEmptySuccess() {
        String data = SdmxRoutes.BASE + "/data/" + FLOW_ID;
        problem(TestServer.given().accept("application/vnd.sdmx.data+json;version=1.0.0").get(data), 406, "not-acceptable");
        problem(TestServer.given().accept("application/vnd.sdmx.structure+json;version=1.0").get(SdmxRoutes.DATAFLOW), 406, "not-acceptable");
        problem(TestServer.given().get(SdmxRoutes.BASE + "/data/sdmx-client-nothing"), 404, "unknown-dataset");
        problem(TestServer.given().get(SdmxRoutes.BASE + "/data/ECB," + FLOW_ID + ",1.0"), 404, "unknown-dataset");
        problem(TestServer.given().get(data + "/all/ECB"), 404, "not-found");
        problem(TestServer.given().get(SdmxRoutes.DATAFLOW + "/ECB/all/latest"), 404, "not-found");
        problem(TestServer.given().get(SdmxRoutes.DATASTRUCTURE + "/LMO/" + FLOW_ID + "/2.0"), 404, "not-found");
        problem(TestServer.given().get(SdmxRoutes.CODELIST + "/LMO/SDMXT-NOTHING"), 404, "not-found");
        problem(TestServer.given().queryParam("dimensionAtObservation", "AllDimensions").get(data), 501, "unsupported-format");
        problem(TestServer.given().queryParam("detail", "allstubs").get(SdmxRoutes.DATAFLOW), 501, "unsupported-format");
        problem(TestServer.given().queryParam("detail", "serieskeysonly").get(data), 501, "unsupported-format");
        problem(TestServer.given().queryParam("detail", "serieskeysonly").get(SdmxRoutes.DATAFLOW), 400, "invalid-parameter");
        problem(TestServer.given().queryParam("dimensionAtObservation", "NO_SUCH_DIMENSION").get(data), 400, "invalid-parameter");
        problem(TestServer.given().get(data + "/A1"), 400, "invalid-parameter");
        problem(TestServer.given().get(data + "/A9.F"), 400, "unknown-code");
        problem(TestServer.given().queryParam("startPeriod", "soon").get(data), 400, "invalid-time");
        problem(TestServer.given().queryParam("references", "everything").get(SdmxRoutes.DATAFLOW), 400, "invalid-parameter");
        problem(TestServer.given().queryParam("geo", "A1").get(data), 400, "unknown-parameter");
    }

    @Test
    void aCodelistIsServedWithItsLabelsInEveryLanguage() {
        String xml = TestServer.given().get(SdmxRoutes.CODELIST + "/LMO/SDMXT-AREA/latest")
                .then().statusCode(200).contentType(startsWith("application/vnd.sdmx.structure+xml")).extract().asString();

        assertTrue(xml.contains("<common:Name xml:lang=\"fi\">Pohjoinen</common:Name>"), xml);
        assertTrue(xml.contains("South &amp; coast"), xml);
    }

    private static void problem(Response response, int status, String type) {
        response.then().statusCode(status).contentType(startsWith("application/problem+json")).body("type", containsString(type));
    }

    /** Each observation as "value|OBS_STATUS" by period. */
    private static Map<String, String> cells(Series series) {
        Map<String, String> cells = new TreeMap<>();
        for (Obs o : series.getObs()) {
            cells.put(o.getPeriod().getStartAsShortString().substring(0, 4), o.getValue() + "|" + o.getMeta().getOrDefault("OBS_STATUS", ""));
        }
        return cells;
    }

    /** The cells with a value, without their status. */
    private static Map<String, Map<String, String>> valuesOnly(Map<String, Map<String, String>> series) {
        Map<String, Map<String, String>> values = new TreeMap<>();
        series.forEach((key, cells) -> {
            Map<String, String> v = new TreeMap<>();
            cells.forEach((period, cell) -> {
                if (!cell.startsWith("NaN")) v.put(period, cell.substring(0, cell.indexOf('|')));
            });
            values.put(key, v);
        });
        return values;
    }

    private static Map<String, Map<String, String>> bySeries(Stream<Series> series) {
        return series.collect(Collectors.toMap(s -> s.getKey().toString(), SdmxClientTest::cells,
                (a, b) -> a, TreeMap::new));
    }
}
