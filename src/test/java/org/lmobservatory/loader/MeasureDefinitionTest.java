package org.lmobservatory.loader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.catalogue.CatalogueService;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.MeasureKind;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** define reads a measure dimension from the dataset definition, checks it against the codelist and stores it. */
class MeasureDefinitionTest {
    private static LoadService loader;

    @BeforeAll
    static void codelist() throws Exception {
        loader = new LoadService(TestDatabase.get().owner());
        loader.define(TestServer.file("T_MEASURE.json", """
                {"id": "T_MEASURE", "title": {"en": "Test measures"}, "codes": [
                  {"id": "JOBS", "labels": {"en": "Jobs"}}, {"id": "PEOPLE", "labels": {"en": "People"}},
                  {"id": "RATE", "labels": {"en": "Jobs per 100 people"}}]}
                """));
    }

    private static String definition(String id, String measures) {
        return """
                {"id": "%s", "title": {"en": "Measures"}, "theme": "labour-market", "frequency": "A", "source": "test",
                 "unit": {"id": "MIXED", "label": {"en": "see measure"}},
                 "dimensions": [{"id": "measure", "codelist": "T_MEASURE"}]%s}
                """.formatted(id, measures == null ? "" : ", \"measures\": " + measures);
    }

    private static final String VALID = """
            {"dimension": "measure", "codes": {
              "RATE": {"kind": "ratio", "numerator": "JOBS", "denominator": "PEOPLE", "scale": 100,
                       "unit": {"id": "PC", "label": {"en": "%", "fi": "%"}, "decimals": 1}},
              "JOBS": {"kind": "count", "unit": {"id": "JOBS", "label": {"en": "jobs"}, "multiplier": 3}},
              "PEOPLE": {"kind": "count", "unit": {"id": "PERS", "label": {"en": "persons"}}}}}
            """;

    private static InvalidDefinitionException rejected(String id, String measures) throws Exception {
        return assertThrows(InvalidDefinitionException.class, () -> loader.define(TestServer.file(id + ".json", definition(id, measures))));
    }

    @Test
    void aMeasureDimensionIsStoredWithEachMeasuresUnitAndKindInCodelistOrder() throws Exception {
        loader.define(TestServer.file("t-measures.json", definition("t-measures", VALID)));
        Dataset d = new CatalogueService(TestDatabase.get().owner()).dataset("t-measures");
        assertEquals("measure", d.measureDimension().orElseThrow().id());
        assertEquals(List.of("JOBS", "PEOPLE", "RATE"), List.copyOf(d.measures().keySet()));
        assertEquals(MeasureKind.RATIO, d.measures().get("RATE").kind());
        assertEquals("PC", d.measures().get("RATE").unit().id());
        assertEquals(1, d.measures().get("RATE").unit().decimals());
        assertEquals("JOBS", d.measures().get("RATE").numerator());
        assertEquals("PEOPLE", d.measures().get("RATE").denominator());
        assertEquals(0, new BigDecimal("100").compareTo(d.measures().get("RATE").scale()));
        assertEquals(3, d.measures().get("JOBS").unit().multiplier());
        assertNull(d.measures().get("JOBS").scale());
        assertEquals("PERS", d.unitOf(List.of("PEOPLE")).id());
    }

    @Test
    void aDatasetWithoutMeasuresKeepsItsSingleUnit() throws Exception {
        loader.define(TestServer.file("t-one-unit.json", definition("t-one-unit", null)));
        Dataset d = new CatalogueService(TestDatabase.get().owner()).dataset("t-one-unit");
        assertTrue(d.measureDimension().isEmpty());
        assertTrue(d.measures().isEmpty());
        assertEquals("MIXED", d.unitOf(List.of("JOBS")).id());
    }

    @Test
    void measuresThatAreNotCodesOfTheCodelistOrCodesWithoutAMeasureAreRefused() throws Exception {
        String message = rejected("t-unknown", VALID.replace("\"PEOPLE\": {\"kind\"", "\"PERSONS\": {\"kind\"")
                .replace("\"denominator\": \"PEOPLE\"", "\"denominator\": \"PERSONS\"")).getMessage();
        assertTrue(message.contains("$.measures.codes.PERSONS: 'PERSONS' is not a code of codelist T_MEASURE"), message);
        assertTrue(message.contains("$.measures.codes: code 'PEOPLE' of codelist T_MEASURE has no measure"), message);
    }

    @Test
    void aMeasureWithoutUnitOrWithAnUnknownKindOrPartIsRefusedWithItsPath() throws Exception {
        String message = rejected("t-bad", """
                {"dimension": "measure", "codes": {
                  "RATE": {"kind": "ratio", "numerator": "JOB", "denominator": "PEOPLE", "unit": {"id": "PC", "decimals": 1}},
                  "JOBS": {"kind": "sum", "unit": {"id": "JOBS"}},
                  "PEOPLE": {"kind": "count", "scale": 100}}}
                """).getMessage();
        assertTrue(message.contains("$.measures.codes.PEOPLE.unit: missing; every measure needs its unit"), message);
        assertTrue(message.contains("$.measures.codes.PEOPLE.scale: only a ratio has a scale"), message);
        assertTrue(message.contains("$.measures.codes.JOBS.kind: 'sum' is not a kind of measure; one of count, ratio, mean, median, quantile, category"), message);
        assertTrue(message.contains("$.measures.codes.RATE.numerator: 'JOB' is not a measure of this dataset"), message);
        assertFalse(message.contains("RATE.denominator"), message);
    }

    @Test
    void theMeasureDimensionMustBeADimensionOfTheDataset() throws Exception {
        String message = rejected("t-nodim", VALID.replace("\"dimension\": \"measure\"", "\"dimension\": \"indicator\"")).getMessage();
        assertTrue(message.contains("$.measures.dimension: 'indicator' is not a dimension of this dataset (measure)"), message);
    }
}
