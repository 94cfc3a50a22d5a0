package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.LoadError;
import org.lmobservatory.loader.LoadOptions;
import org.lmobservatory.loader.LoadReport;
import org.lmobservatory.support.TestServer;
import org.lmobservatory.errors.ObservatoryException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken Eurostat TSV and SDMX-CSV files (small, written here): every problem names file, line and column, and
 * nothing of a broken file reaches the published release.
 */
class SourceFormatErrorsTest {
    private static final String ID = "estat-err";
    private static final List<String> DIMS = List.of("age", "sex", "geo");

    @BeforeAll
    static void datasetWithABaseRelease() throws Exception {
        TestServer.get();
        TestCatalogue.defineCodelist("ESTATERR-AGE", List.of("Y15-24"));
        TestCatalogue.defineCodelist("ESTATERR-SEX", List.of("F", "M"));
        TestCatalogue.defineCodelist("ESTATERR-GEO", List.of("AT", "BE"));
        ApiCells.publish(ID, TestCatalogue.dataset(ID, "A", DIMS, "ESTATERR"), TestServer.file("base.tsv",
                "age,sex,geo\\time\t2013 \t2012 \nY15-24,F,AT\t9.4 b\t: u\n"));
    }

    /** Loads a broken file and returns its errors as "file:line: message", after checking nothing changed publicly. */
    private static List<String> errorsOf(String name, String content) throws Exception {
        LoadReport report = TestServer.loader().load(ID, TestServer.file(name, content), LoadOptions.defaults());
        assertEquals(LoadReport.Status.INVALID, report.status(), report.message());
        assertEquals(0, report.rows());
        assertThrows(ObservatoryException.class, () -> TestServer.publisher().publish(ID, report.loadId(), "must not publish"));
        Map<String, ApiCells.Cell> api = ApiCells.fetchAll(ID, DIMS);
        assertEquals(2, api.size());
        assertTrue(api.get("Y15-24|F|AT|2013").sameAs(ApiCells.Cell.of("9.4", "b")));
        assertTrue(api.get("Y15-24|F|AT|2012").sameAs(ApiCells.Cell.of(null, "mu")));
        return report.errors().stream().map(LoadError::toString).toList();
    }

    private static LoadError firstError(String name, String content) throws Exception {
        LoadReport report = TestServer.loader().load(ID, TestServer.file(name, content), LoadOptions.defaults().asDryRun());
        assertEquals(LoadReport.Status.INVALID, report.status(), report.message());
        return report.errors().get(0);
    }

    @Test
    void nonNumericTsvCellNamesItsLineAndTimeColumn() throws Exception {
        List<String> errors = errorsOf("bad-cell.tsv", "age,sex,geo\\time\t2013 \t2012 \nY15-24,F,AT\t9.4 b\t9,1 \nY15-24,M,AT\t1.0 \tn/a \n");
        assertEquals(List.of(
                "bad-cell.tsv:2: column 2012: '9,1' is not a Eurostat cell; expected a number or ':' followed by optional flags, e.g. '9.4', '9.4 b', ': u' (use '.' as the decimal separator)",
                "bad-cell.tsv:3: column 2012: 'n/a' is not a Eurostat cell; expected a number or ':' followed by optional flags, e.g. '9.4', '9.4 b', ': u'"),
                errors);
        assertEquals("2012", firstError("bad-cell.tsv", "age,sex,geo\\time\t2013 \t2012 \nY15-24,F,AT\t9.4 b\tx \n").column());
    }

    @Test
    void unknownFlagAndUnknownCodeAreReportedWithTheFileLine() throws Exception {
        List<String> errors = errorsOf("unknown.tsv", "age,sex,geo\\time\t2013 \t2012 \nY15-24,F,AT\t9.4 z\t1.0 \nY15-24,F,ATX\t1.0 \t2.0 \n");
        assertEquals("unknown.tsv:2: column 2013: flag 'z' in '9.4 z' is unknown; known flags: b, c, d, e, f, m, n, p, r, s, u", errors.get(0));
        assertTrue(errors.get(1).startsWith("unknown.tsv:3: geo 'ATX' is not in codelist ESTATERR-GEO (did you mean AT"), errors.toString());
        assertEquals(3, errors.size(), "one error per cell of line 3 (two periods) plus line 2: " + errors);
    }

    @Test
    void aConstantDimensionThatVariesIsReportedOnTheFirstRowWhereItChanges() throws Exception {
        List<String> errors = errorsOf("freq.tsv", """
                freq,age,sex,geo\\TIME_PERIOD\t2013 \t2012 
                A,Y15-24,F,AT\t1.0 \t2.0 
                A,Y15-24,M,AT\t1.0 \t2.0 
                Q,Y15-24,F,BE\t3.0 \t4.0 
                Q,Y15-24,M,BE\t3.0 \t4.0 
                """);
        assertEquals(List.of("freq.tsv:4: freq is not a dimension of dataset estat-err, so the file may hold only one freq: it is 'A' from line 2"
                + " and 'Q' here. Load each freq into its own dataset, or add freq to the dataset's dimensions."), errors);

        List<String> sdmx = errorsOf("unit.csv", """
                DATAFLOW,LAST UPDATE,freq,age,sex,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS
                ESTAT:X(1.0),08/06/26 23:00:00,A,Y15-24,F,PC,AT,2013,1.5,,
                ESTAT:X(1.0),08/06/26 23:00:00,A,Y15-24,F,THS_PER,AT,2012,1.5,,
                """);
        assertEquals(1, sdmx.size(), sdmx.toString());
        assertTrue(sdmx.get(0).startsWith("unit.csv:3: unit is not a dimension of dataset estat-err"), sdmx.toString());
    }

    @Test
    void aDatasetDimensionMissingFromTheFileIsAnErrorOnLineOne() throws Exception {
        List<String> tsv = errorsOf("no-sex.tsv", "age,geo\\time\t2013 \nY15-24,AT\t1.0 \n");
        assertEquals(List.of("no-sex.tsv:1: dimension 'sex' of dataset estat-err is not in the file's key age,geo\\time;"
                + " the file must give every dimension of the dataset"), tsv);
        List<String> sdmx = errorsOf("no-sex.csv", "DATAFLOW,LAST UPDATE,age,geo,TIME_PERIOD,OBS_VALUE\nX,,Y15-24,AT,2013,1.0\n");
        assertEquals(1, sdmx.size(), sdmx.toString());
        assertTrue(sdmx.get(0).startsWith("no-sex.csv:1: no column for dimension 'sex' of dataset estat-err"), sdmx.toString());
    }

    @Test
    void periodColumnsOfAnotherFrequencyAreRejectedInTheHeader() throws Exception {
        LoadError error = firstError("quarters.tsv", "age,sex,geo\\time\t2013Q1 \nY15-24,F,AT\t1.0 \n");
        assertEquals(1, error.line());
        assertEquals("2013Q1", error.column());
    }

    @Test
    void sdmxCsvValueAndConfidentialityProblems() throws Exception {
        List<String> errors = errorsOf("bad.csv", """
                DATAFLOW,LAST UPDATE,age,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS
                X,,Y15-24,F,AT,2013,abc,,
                X,,Y15-24,F,AT,2012,1.0,,Q
                X,,Y15-24,F,AT,2011,1.0,x,
                """);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("bad.csv:2: value 'abc' is not a number"), errors.toString());
        assertTrue(errors.get(1).startsWith("bad.csv:3: CONF_STATUS 'Q' is unknown"), errors.toString());
        assertTrue(errors.get(2).startsWith("bad.csv:4: flag 'x' is unknown"), errors.toString());
    }
}
