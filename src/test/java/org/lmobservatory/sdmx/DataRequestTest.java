package org.lmobservatory.sdmx;

import org.junit.jupiter.api.Test;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Frequency;
import org.lmobservatory.catalogue.Unit;
import org.lmobservatory.errors.ErrorKind;
import org.lmobservatory.errors.ObservatoryException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SDMX data queries in our observation query's words: flow references, keys and periods. */
class DataRequestTest {
    private static final Dataset RATES = new Dataset("rates", Map.of("en", "Rates"), Map.of(), "labour-market", List.of(), Frequency.A,
            new Unit("PC", Map.of("en", "%"), 0, 1), "src", "CC-BY-4.0", "c", Map.of(), false, 1L, null,
            List.of(new Dimension("geo", 0, "GEO", "geo", Map.of()), new Dimension("sex", 1, "SEX", null, Map.of()),
                    new Dimension("age", 2, "AGE", null, Map.of())));

    @Test
    void aKeyBecomesOneFilterPerDimensionWithCodesJoinedByPlusAndEmptyPartsLeftOut() {
        assertEquals(Map.of("geo", List.of("FI1B,PL91"), "age", List.of("Y15-74")), DataRequest.params(RATES, "FI1B+PL91..Y15-74", null, null));
        assertEquals(Map.of(), DataRequest.params(RATES, "all", null, null));
        assertEquals(Map.of(), DataRequest.params(RATES, "..", null, null));
        assertEquals(Map.of(), DataRequest.params(RATES, null, null, null));
    }

    @Test
    void periodsBecomeATimeRangeWithEitherEndOpen() {
        assertEquals(Map.of("time", List.of("2020..2024")), DataRequest.params(RATES, null, "2020", "2024"));
        assertEquals(Map.of("time", List.of("2020-Q1..")), DataRequest.params(RATES, null, "2020-Q1", null));
        assertEquals(Map.of("time", List.of("..2024-07")), DataRequest.params(RATES, null, null, "2024-07"));
    }

    @Test
    void aKeyWithTheWrongNumberOfPartsIsA400ThatNamesTheDimensions() {
        ObservatoryException e = assertThrows(ObservatoryException.class, () -> DataRequest.params(RATES, "FI1B.T", null, null));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertTrue(e.detail().contains("geo.sex.age"), e.detail());
    }

    @Test
    void flowReferencesNameADatasetOfOurAgencyAndVersion() {
        assertEquals("rates", DataRequest.datasetId("rates"));
        assertEquals("rates", DataRequest.datasetId("LMO,rates"));
        assertEquals("rates", DataRequest.datasetId("LMO,rates,1.0"));
        assertEquals("rates", DataRequest.datasetId("all,rates,latest"));
        assertEquals(ErrorKind.UNKNOWN_DATASET, assertThrows(ObservatoryException.class, () -> DataRequest.datasetId("ECB,rates,1.0")).kind());
        assertEquals(ErrorKind.UNKNOWN_DATASET, assertThrows(ObservatoryException.class, () -> DataRequest.datasetId("LMO,rates,2.0")).kind());
        assertEquals(ErrorKind.UNKNOWN_DATASET, assertThrows(ObservatoryException.class, () -> DataRequest.datasetId("LMO,rates,1.0,x")).kind());
    }
}
