package org.lmobservatory.loader;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lmobservatory.db.Json;
import org.lmobservatory.releases.Publisher;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;
import org.lmobservatory.errors.ObservatoryException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lmobservatory.loader.LoaderFixtures.defineDataset;
import static org.lmobservatory.loader.LoaderFixtures.loadErrorCount;
import static org.lmobservatory.loader.LoaderFixtures.loadStatus;
import static org.lmobservatory.loader.LoaderFixtures.releaseCount;
import static org.lmobservatory.loader.LoaderFixtures.stagedRows;
import static org.lmobservatory.loader.LoaderFixtures.storedErrors;

/**
 * The long CSV layout end to end through LoadService and Publisher on the real database: every bad file is refused
 * with `file:line: message`, is kept as an invalid load with its errors, and never becomes a release.
 */
class LongCsvLoaderTest {
    private static LoadService loader;
    private static Publisher publisher;

    @BeforeAll
    static void catalogue() throws Exception {
        TestServer.get();
        loader = TestServer.loader();
        publisher = TestServer.publisher();
        LoaderFixtures.defineCodelist();
    }

    /** Asserts the load was refused with exactly these errors, in file order, and that nothing can be published. */
    private static void assertRejected(String datasetId, Path file, LoadReport report, String... expected) {
        List<String> errors = report.errors().stream().map(LoadError::toString).toList();
        assertEquals(List.of(expected), errors, "errors reported");
        assertEquals(LoadReport.Status.INVALID, report.status());
        assertEquals(expected.length, report.errorCount());
        assertEquals(0, report.rows());
        assertEquals(file.getFileName() + ": " + expected.length + " error(s); nothing was staged for publishing.", report.message());

        assertEquals("invalid", loadStatus(report.loadId()), "staging.load status");
        assertEquals(expected.length, loadErrorCount(report.loadId()), "staging.load error_count");
        List<String> sorted = new ArrayList<>(List.of(expected));
        sorted.sort(null);
        List<String> stored = new ArrayList<>(storedErrors(report.loadId()));
        stored.sort(null);
        assertEquals(sorted, stored, "staging.load_error");
        assertEquals(0, stagedRows(report.loadId()), "no rows left in staging.load_row");

        assertEquals(0, releaseCount(datasetId), "no release created");
        ObservatoryException nothing = assertThrows(ObservatoryException.class, () -> publisher.publish(datasetId, null, null));
        assertEquals(404, nothing.status());
        ObservatoryException notThisOne = assertThrows(ObservatoryException.class, () -> publisher.publish(datasetId, report.loadId(), null));
        assertEquals(409, notThisOne.status());
        assertEquals("Load " + report.loadId() + " of " + datasetId + " is invalid, not valid; only a load without errors can be published.",
                notThisOne.getMessage());
    }

    private static LoadReport load(String datasetId, Path file) throws Exception {
        return loader.load(datasetId, file, Optional.empty());
    }

    @Nested
    class Codes {
        @Test
        void aCodeOutsideTheCodelistIsRejectedWithItsLineAndTheNearestCode() throws Exception {
            String id = "t-loader-unknown-code";
            defineDataset(id, "A");
            Path csv = TestServer.file("unknown-code.csv", """
                    geo,time,value
                    FI1B,2024,1
                    FI1X,2024,2
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "unknown-code.csv:3: geo 'FI1X' is not in codelist TGEO (did you mean FI1B or FI1C?)");
        }

        @Test
        void aCodeFarFromEveryCodeGetsNoSuggestionAndAnEmptyCodeIsNamed() throws Exception {
            String id = "t-loader-unknown-code-far";
            defineDataset(id, "A");
            Path csv = TestServer.file("far-code.csv", """
                    geo,time,value
                    SE22,2024,1
                    ,2024,2
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "far-code.csv:2: geo 'SE22' is not in codelist TGEO",
                    "far-code.csv:3: geo is empty");
        }
    }

    @Nested
    class Values {
        @Test
        void aDecimalCommaIsRejectedWithAHintAndTextIsRejectedWithout() throws Exception {
            String id = "t-loader-bad-number";
            defineDataset(id, "A");
            Path csv = TestServer.file("bad-number.csv", """
                    geo,time,value
                    FI1B,2024,"12,5"
                    FI1C,2024,abc
                    FI,2024,12.5
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "bad-number.csv:2: value '12,5' is not a number (use '.' as the decimal separator)",
                    "bad-number.csv:3: value 'abc' is not a number");
        }

        @Test
        void anUnquotedDecimalCommaShowsAsAnExtraField() throws Exception {
            String id = "t-loader-unquoted-comma";
            defineDataset(id, "A");
            Path csv = TestServer.file("unquoted-comma.csv", """
                    geo,time,value
                    FI1B,2024,12,5
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "unquoted-comma.csv:2: expected 3 fields as in the header, found 4");
        }

        @Test
        void aConfidentialValueMustBeBlankAndABlankValueNeedsAFlag() throws Exception {
            String id = "t-loader-flags-rejected";
            defineDataset(id, "A");
            Path csv = TestServer.file("flags-rejected.csv", """
                    geo,time,value,flag
                    FI1B,2024,12,c
                    FI1C,2024,,
                    FI,2024,3,x
                    FI,2023,,m
                    FI1B,2023,,c
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "flags-rejected.csv:2: value '12' has flag c (confidential): a suppressed value must be left empty, never published",
                    "flags-rejected.csv:3: value is empty; mark a missing value with flag m or a suppressed one with flag c",
                    "flags-rejected.csv:4: flag 'x' is unknown; known flags: b, c, d, e, f, m, n, p, r, s, u");
        }

        @Test
        void aBlankValueFlaggedMissingOrConfidentialIsAcceptedAndPublishedAsNull() throws Exception {
            String id = "t-loader-flag-missing";
            defineDataset(id, "A");
            Path csv = TestServer.file("flag-missing.csv", """
                    geo,time,value,flag
                    FI1B,2024,,m
                    FI1C,2024,,c
                    FI,2024,7,p
                    """);

            LoadReport report = load(id, csv);
            assertEquals(LoadReport.Status.VALID, report.status(), report.errors().toString());
            publisher.publish(id, report.loadId(), null);

            List<String> published = TestDatabase.get().owner().withHandle(h -> h.createQuery("""
                            SELECT s.key[1] || ' ' || o.period_start || ' ' || coalesce(o.value::text, 'null') || ' ' || coalesce(o.flags, '-')
                            FROM published.dataset d
                            JOIN published.series s ON s.dataset_id = d.id
                            JOIN published.observation o ON o.series_id = s.id AND o.first_release <= d.current_release_id
                             AND (o.last_release IS NULL OR o.last_release > d.current_release_id)
                            WHERE d.id = :ds ORDER BY s.key[1]
                            """)
                    .bind("ds", id).mapTo(String.class).list());
            assertEquals(List.of("FI 2024-01-01 7 p", "FI1B 2024-01-01 null m", "FI1C 2024-01-01 null c"), published);
        }
        @Test
        void aNumberTooLargeOrTooPreciseForTheDatabaseIsRejectedOnItsLine() throws Exception {
            String id = "t-loader-number-range";
            defineDataset(id, "A");
            Path csv = TestServer.file("number-range.csv", """
                    geo,time,value
                    FI,2024,1e200000
                    FI1B,2024,1e-20000
                    FI1C,2024,-1.5e300
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "number-range.csv:2: value '1e200000' is out of range: at most 131072 digits before and 16383 after the decimal point",
                    "number-range.csv:3: value '1e-20000' is out of range: at most 131072 digits before and 16383 after the decimal point");
        }
    }

    @Nested
    class Periods {
        @Test
        void aMonthlyDatasetRefusesYearsAndTextThatIsNoPeriod() throws Exception {
            String id = "t-loader-monthly-period";
            defineDataset(id, "M");
            Path csv = TestServer.file("monthly.csv", """
                    geo,time,value
                    FI1B,2024-07,1
                    FI1B,2024,2
                    FI1B,20x4,3
                    FI1B,2024-13,4
                    FI1B,2024-Q3,5
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "monthly.csv:3: time '2024' does not match frequency M of dataset t-loader-monthly-period (write periods like 2024-07)",
                    "monthly.csv:4: time '20x4' is not a period; dataset t-loader-monthly-period has frequency M (write periods like 2024-07)",
                    "monthly.csv:5: time '2024-13' is not a period; dataset t-loader-monthly-period has frequency M (write periods like 2024-07)",
                    "monthly.csv:6: time '2024-Q3' does not match frequency M of dataset t-loader-monthly-period (write periods like 2024-07)");
        }

        @Test
        void yearZeroIsNoPeriod() throws Exception {
            String id = "t-loader-year-zero";
            defineDataset(id, "A");
            Path csv = TestServer.file("year-zero.csv", """
                    geo,time,value
                    FI,0000,1
                    FI,0001,2
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "year-zero.csv:2: time '0000' is not a period; dataset t-loader-year-zero has frequency A (write periods like 2024)");
        }

        @Test
        void anAnnualDatasetRefusesMonthsAndGarbage() throws Exception {
            String id = "t-loader-annual-period";
            defineDataset(id, "A");
            Path csv = TestServer.file("annual.csv", """
                    geo,time,value
                    FI1B,2024-07,1
                    FI1B,20x4,2
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "annual.csv:2: time '2024-07' does not match frequency A of dataset t-loader-annual-period (write periods like 2024)",
                    "annual.csv:3: time '20x4' is not a period; dataset t-loader-annual-period has frequency A (write periods like 2024)");
        }
    }

    @Nested
    class Duplicates {
        @Test
        void theSameKeyAndPeriodTwiceNamesBothLines() throws Exception {
            String id = "t-loader-duplicate";
            defineDataset(id, "A");
            Path csv = TestServer.file("duplicate.csv", """
                    geo,time,value
                    FI1B,2024,1
                    FI1C,2024,2
                    FI1B,2023,3
                    FI1B,2024,4
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "duplicate.csv:5: duplicate observation: same key (FI1B) and period as line 2");
        }

        @Test
        void twoSpellingsOfTheSameMonthAreDuplicates() throws Exception {
            String id = "t-loader-duplicate-month";
            defineDataset(id, "M");
            Path csv = TestServer.file("duplicate-month.csv", """
                    geo,time,value
                    FI,2024-07,1
                    FI,202407,2
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "duplicate-month.csv:3: duplicate observation: same key (FI) and period as line 2");
        }
    }

    @Nested
    class Layout {
        @Test
        void aHeaderWithoutValueIsRefusedOnLineOne() throws Exception {
            String id = "t-loader-missing-column";
            defineDataset(id, "A");
            Path csv = TestServer.file("missing-column.csv", """
                    geo,time
                    FI1B,2024
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "missing-column.csv:1: missing column 'value'; expected geo,time,value[,flag]");
        }

        @Test
        void anUnexpectedColumnIsRefusedOnLineOne() throws Exception {
            String id = "t-loader-extra-column";
            defineDataset(id, "A");
            Path csv = TestServer.file("extra-column.csv", """
                    geo,time,value,note
                    FI1B,2024,1,hello
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "extra-column.csv:1: unexpected column 'note'; expected geo,time,value[,flag]");
        }

        @Test
        void aColumnTwiceInTheHeaderIsRefused() throws Exception {
            String id = "t-loader-twice-column";
            defineDataset(id, "A");
            Path csv = TestServer.file("twice-column.csv", """
                    geo,time,value,time
                    FI1B,2024,1,2024
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "twice-column.csv:1: column 'time' appears twice in the header");
        }

        @Test
        void rowsWithTooManyOrTooFewFieldsAreEachRefused() throws Exception {
            String id = "t-loader-field-count";
            defineDataset(id, "A");
            Path csv = TestServer.file("field-count.csv", """
                    geo,time,value
                    FI1B,2024,1,extra
                    FI1C,2024
                    FI,2024,3
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "field-count.csv:2: expected 3 fields as in the header, found 4",
                    "field-count.csv:3: expected 3 fields as in the header, found 2");
        }

        @Test
        void aQuoteNeverClosedIsRefusedOnTheLineItOpens() throws Exception {
            String id = "t-loader-open-quote";
            defineDataset(id, "A");
            Path csv = TestServer.file("open-quote.csv", """
                    geo,time,value
                    FI1B,2024,1
                    FI1C,2024,"2
                    FI,2024,3
                    """);

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "open-quote.csv:3: a quoted field opened on this line is never closed");
        }

        @Test
        void everyErrorIsCountedButOnlyTheFirstThousandAreKept() throws Exception {
            String id = "t-loader-many-errors";
            defineDataset(id, "A");
            StringBuilder text = new StringBuilder("geo,time,value\n");
            for (int year = 1001; year <= 2500; year++) text.append("FI,").append(year).append(",x\n"); // lines 2..1501
            Path csv = TestServer.file("many-errors.csv", text.toString());

            LoadReport report = load(id, csv);

            assertEquals(LoadReport.Status.INVALID, report.status());
            assertEquals(1500, report.errorCount());
            assertEquals(1000, report.errors().size());
            assertEquals("many-errors.csv:2: value 'x' is not a number", report.errors().get(0).toString());
            assertEquals("many-errors.csv:1001: value 'x' is not a number", report.errors().get(999).toString());
            assertEquals("many-errors.csv: 1500 error(s); nothing was staged for publishing.", report.message());
            assertEquals(1500, loadErrorCount(report.loadId()));
            assertEquals(1000, storedErrors(report.loadId()).size());
            assertEquals(0, releaseCount(id));
        }

        @Test
        void anEmptyFileIsRefusedAsAWhole() throws Exception {
            String id = "t-loader-empty-file";
            defineDataset(id, "A");
            Path csv = TestServer.file("empty.csv", "");

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "empty.csv: the file is empty; expected a header row geo,time,value[,flag]");
        }

        @Test
        void aFileOfBlankLinesIsEmptyToo() throws Exception {
            String id = "t-loader-blank-file";
            defineDataset(id, "A");
            Path csv = TestServer.file("blank.csv", "\r\n\n\n");

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report, "blank.csv: the file is empty; expected a header row geo,time,value[,flag]");
        }

        @Test
        void aHeaderOnlyFileIsAValidLoadOfZeroRows() throws Exception {
            String id = "t-loader-header-only";
            defineDataset(id, "A");
            Path csv = TestServer.file("header-only.csv", "geo,time,value\n");

            LoadReport report = load(id, csv);

            assertEquals(LoadReport.Status.VALID, report.status(), report.errors().toString());
            assertEquals(0, report.rows());
            assertEquals("valid", loadStatus(report.loadId()));
            String expectedStart = "header-only.csv (long-csv): 0 rows valid and staged as load " + report.loadId() + " in ";
            String expectedEnd = "; publish with: publish --dataset " + id;
            assertTrue(report.message().startsWith(expectedStart) && report.message().endsWith(expectedEnd), report.message());
            ObservatoryException refused = assertThrows(ObservatoryException.class, () -> TestServer.publisher().publish(id, report.loadId(), null));
            assertEquals(409, refused.status());
            assertTrue(refused.getMessage().contains("has no rows"), refused.getMessage());
        }
    }

    @Nested
    class Encoding {
        @Test
        void aLatin1FileIsRefusedOnTheLineOfItsFirstNonUtf8Byte() throws Exception {
            String id = "t-loader-latin1";
            defineDataset(id, "A");
            Path csv = TestServer.file("latin1.csv", "");
            Files.write(csv, "geo,time,value\nFI1B,2024,1\nFIä,2024,2\nFI,2024,3\n".getBytes(StandardCharsets.ISO_8859_1));

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "latin1.csv:3: the file is not valid UTF-8 here; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)");
        }

        @Test
        void aLatin1ByteFarIntoALargeFileIsReportedOnItsOwnLine() throws Exception {
            String id = "t-loader-latin1-far";
            defineDataset(id, "A");
            StringBuilder text = new StringBuilder("geo,time,value\n");
            for (int year = 1000; year < 3000; year++) text.append("FI,").append(year).append(",1\n"); // lines 2..2001
            text.append("FI1B,2024,Ä\n"); // line 2002, byte offset ~24 kB: beyond any 8 kB decoder buffer
            Path csv = TestServer.file("latin1-far.csv", "");
            Files.write(csv, text.toString().getBytes(StandardCharsets.ISO_8859_1));

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "latin1-far.csv:2002: the file is not valid UTF-8 here; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)");
        }

        @Test
        void aNulCharacterIsRefusedOnItsLine() throws Exception {
            String id = "t-loader-nul";
            defineDataset(id, "A");
            Path csv = TestServer.file("nul.csv", "geo,time,value\nFI,2024,1\nFI1B,2024,\u00002\n");

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "nul.csv:3: the file contains a NUL character here; it may be saved as UTF-16 (\"Unicode text\"): save it as UTF-8 (CSV UTF-8 in spreadsheet programs)");
        }

        @Test
        void aUtf16FileWithoutByteOrderMarkIsRefusedOnLineOne() throws Exception {
            String id = "t-loader-utf16";
            defineDataset(id, "A");
            Path csv = TestServer.file("utf16.csv", "");
            Files.write(csv, "geo,time,value\nFI,2024,1\n".getBytes(StandardCharsets.UTF_16LE));

            LoadReport report = load(id, csv);

            assertRejected(id, csv, report,
                    "utf16.csv:1: the file contains a NUL character here; it may be saved as UTF-16 (\"Unicode text\"): save it as UTF-8 (CSV UTF-8 in spreadsheet programs)");
        }

        @Test
        void aUtf8FileWithByteOrderMarkAndCrlfLineEndsLoads() throws Exception {
            String id = "t-loader-bom-crlf";
            defineDataset(id, "A");
            Path csv = TestServer.file("bom-crlf.csv", "\uFEFFgeo,time,value\r\nFI,2024,1.5\r\nFI1B,2024,2\r\n\r\nFI1C,2024,-3\r\n");

            LoadReport report = load(id, csv);

            assertEquals(LoadReport.Status.VALID, report.status(), report.errors().toString());
            assertEquals(3, report.rows());
            List<String> staged = TestDatabase.get().owner().withHandle(h -> h.createQuery(
                            "SELECT line_no || ' ' || key[1] || ' ' || period_start || ' ' || value FROM staging.load_row WHERE load_id = :id ORDER BY line_no")
                    .bind("id", report.loadId()).mapTo(String.class).list());
            assertEquals(List.of("2 FI 2024-01-01 1.5", "3 FI1B 2024-01-01 2", "5 FI1C 2024-01-01 -3"), staged);
        }
    }

    @Nested
    class Quoting {
        @Test
        void quotedFieldsWithCommasQuotesAndBackslashesRoundTripToTheApi() throws Exception {
            TestServer.loader().define(TestServer.file("TGRP.json", """
                    {"id": "TGRP", "title": {"en": "Awkward codes"}, "codes": [
                      {"id": "A,B", "labels": {"en": "A and B"}},
                      {"id": "say \\"hi\\"", "labels": {"en": "Quoted"}},
                      {"id": "back\\\\slash", "labels": {"en": "Backslash"}}
                    ]}
                    """));
            String id = "t-loader-quoted";
            TestServer.loader().define(TestServer.file(id + ".json", """
                    {"id": "t-loader-quoted", "title": {"en": "Quoted codes"}, "theme": "labour-market", "frequency": "A",
                     "unit": {"id": "NR"}, "source": "loader tests",
                     "dimensions": [{"id": "geo", "codelist": "TGEO"}, {"id": "grp", "codelist": "TGRP"}]}
                    """));
            Path csv = TestServer.file("quoted.csv", """
                    geo,grp,time,value
                    FI,"A,B",2024,1
                    FI,"say ""hi""\",2024,2
                    "FI","back\\slash","2024","3"
                    "FI1B","A,B",2024, 4.5
                    """);

            LoadReport report = load(id, csv);
            assertEquals(LoadReport.Status.VALID, report.status(), report.errors().toString());
            assertEquals(4, report.rows());
            publisher.publish(id, report.loadId(), null);

            String body = TestServer.given().queryParam("labels", "code").get("/v1/datasets/" + id + "/observations")
                    .then().statusCode(200).extract().asString();
            List<String> rows = new ArrayList<>();
            for (JsonNode o : Json.MAPPER.readTree(body).path("observations")) {
                rows.add(o.path("geo").asText() + "|" + o.path("grp").asText() + "|" + o.path("time").asText() + "|" + o.path("value").asText());
            }
            rows.sort(null);
            assertEquals(List.of("FI1B|A,B|2024|4.5", "FI|A,B|2024|1", "FI|back\\slash|2024|3", "FI|say \"hi\"|2024|2"), rows);
        }
    }

    @Nested
    class Publishing {
        @Test
        void aValidLoadPublishesEveryRowAndTheApiServesTheSameValues() throws Exception {
            String id = "t-loader-round-trip";
            defineDataset(id, "Q");
            Path csv = TestServer.file("round-trip.csv", """
                    geo,time,value,flag
                    FI,2023-Q4,10.5,
                    FI,2024-Q1,11,p
                    FI1B,2023-Q4,,m
                    FI1B,2024-Q1,3.25,e
                    FI1C,2024-Q1,-0.125,
                    """);

            LoadReport report = load(id, csv);
            assertEquals(LoadReport.Status.VALID, report.status(), report.errors().toString());
            assertEquals(5, report.rows());
            Publisher.Published published = publisher.publish(id, report.loadId(), "first");

            assertEquals(5, published.rows());
            assertEquals(1, releaseCount(id));
            long rowCount = TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT row_count FROM published.release WHERE id = :id")
                    .bind("id", published.releaseId()).mapTo(Long.class).one());
            assertEquals(5, rowCount);
            assertEquals("published", loadStatus(report.loadId()));
            assertEquals(0, stagedRows(report.loadId()), "staging rows are removed once published");

            String body = TestServer.given().get("/v1/datasets/" + id + "/observations").then().statusCode(200).extract().asString();
            JsonNode doc = Json.MAPPER.readTree(body);
            assertEquals(published.releaseId(), doc.path("release").path("id").asLong());
            assertEquals(5, doc.path("count").asInt());
            List<String> rows = new ArrayList<>();
            for (JsonNode o : doc.path("observations")) {
                rows.add(String.join(" ", o.path("geo").asText(), o.path("geo_label").asText(), o.path("time").asText(),
                        o.path("value").isNull() ? "null" : o.path("value").asText(), o.path("flag").isNull() ? "-" : o.path("flag").asText()));
            }
            assertEquals(List.of(
                    "FI Finland 2023-Q4 10.5 -",
                    "FI Finland 2024-Q1 11 p",
                    "FI1B Helsinki-Uusimaa 2023-Q4 null m",
                    "FI1B Helsinki-Uusimaa 2024-Q1 3.25 e",
                    "FI1C Southern Finland 2024-Q1 -0.125 -"), rows);
        }

        @Test
        void reloadingThePublishedFileChangesNothingAndNamesTheRelease() throws Exception {
            String id = "t-loader-unchanged";
            defineDataset(id, "A");
            Path csv = TestServer.file("unchanged.csv", """
                    geo,time,value
                    FI,2024,1
                    """);
            LoadReport first = load(id, csv);
            long releaseId = publisher.publish(id, first.loadId(), null).releaseId();

            LoadReport again = load(id, csv);

            assertEquals(LoadReport.Status.UNCHANGED, again.status());
            assertEquals(0, again.loadId());
            assertEquals(0, again.rows());
            String sha = LoadService.sha256(csv);
            assertEquals("unchanged.csv is identical (SHA-256 " + sha.substring(0, 12) + "…) to the file of current release "
                    + releaseId + " of " + id + "; nothing to do.", again.message());
            assertEquals(1, releaseCount(id));
            long loads = TestDatabase.get().owner().withHandle(h -> h.createQuery("SELECT count(*) FROM staging.load WHERE dataset_id = :ds")
                    .bind("ds", id).mapTo(Long.class).one());
            assertEquals(1, loads, "no second staging.load row");
            ObservatoryException nothing = assertThrows(ObservatoryException.class, () -> publisher.publish(id, null, null));
            assertEquals(404, nothing.status());
        }

        @Test
        void anInvalidLoadAfterAReleaseLeavesTheReleaseServed() throws Exception {
            String id = "t-loader-invalid-after-release";
            defineDataset(id, "A");
            LoadReport good = load(id, TestServer.file("good.csv", "geo,time,value\nFI,2024,1\n"));
            long releaseId = publisher.publish(id, good.loadId(), null).releaseId();

            LoadReport bad = load(id, TestServer.file("bad.csv", "geo,time,value\nFI,2024,x\n"));

            assertEquals(LoadReport.Status.INVALID, bad.status());
            assertEquals(List.of("bad.csv:2: value 'x' is not a number"), bad.errors().stream().map(LoadError::toString).toList());
            assertEquals(1, releaseCount(id));
            TestServer.given().get("/v1/datasets/" + id + "/observations").then().statusCode(200)
                    .body("release.id", org.hamcrest.Matchers.equalTo((int) releaseId))
                    .body("observations.time", org.hamcrest.Matchers.equalTo(Arrays.asList("2024")));
        }
    }
}
