package org.lmobservatory.loader.formats;

import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.formats.CsvRecordReader.CsvRecord;
import org.lmobservatory.loader.formats.CsvRecordReader.MalformedCsvException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loader's RFC 4180 reader on its own: quoting, line numbers, line endings, strict UTF-8, NUL. */
class CsvRecordReaderTest {

    private static List<CsvRecord> read(byte[] bytes, char separator) throws IOException {
        List<CsvRecord> out = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(bytes), separator)) {
            CsvRecord rec;
            while ((rec = r.next()) != null) out.add(rec);
        }
        return out;
    }

    private static List<CsvRecord> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), ',');
    }

    @Test
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> r = read("geo,label\r\nFI_091,\"Helsinki, \"\"capital\"\"\"\r\nFI_049,\"Espoo\nEsbo\"\nFI_092,Vantaa");
        assertEquals(List.of("geo", "label"), r.get(0).fields());
        assertEquals(List.of("FI_091", "Helsinki, \"capital\""), r.get(1).fields());
        assertEquals(List.of("FI_049", "Espoo\nEsbo"), r.get(2).fields());
        assertEquals(List.of("FI_092", "Vantaa"), r.get(3).fields(), "no line break at the end of the file");
        assertEquals(List.of(1, 2, 3, 5), r.stream().map(CsvRecord::line).toList(), "a record knows the line it started on");
    }

    @Test
    void blankLinesAreSkippedEmptyFieldsKeptAndABomIgnored() throws IOException {
        List<CsvRecord> r = read("\uFEFFa;b;c\r\n\r\n;;\r\r\nx;\"\";z\n", ';');
        assertEquals(List.of(List.of("a", "b", "c"), List.of("", "", ""), List.of("x", "", "z")), r.stream().map(CsvRecord::fields).toList());
        assertEquals(List.of(1, 3, 5), r.stream().map(CsvRecord::line).toList(), "CR, LF and CRLF each end one line");
    }

    private static List<CsvRecord> read(String text, char separator) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), separator);
    }

    @Test
    void anUnterminatedQuoteIsReportedOnTheLineItOpened() {
        MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> read("a,b\n1,\"open\n2,3\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void nextOrReportReportsOnceAndStops() throws IOException {
        List<String> reported = new ArrayList<>();
        ObservationReader.ErrorSink sink = new ObservationReader.ErrorSink() {
            @Override
            public void add(int line, String column, String message) {
                reported.add(line + ": " + message);
            }

            @Override
            public int count() {
                return reported.size();
            }
        };
        try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream("a\n\"open\n".getBytes(StandardCharsets.UTF_8)), ',')) {
            assertEquals(List.of("a"), r.nextOrReport(sink).fields());
            assertEquals(null, r.nextOrReport(sink));
            assertTrue(r.malformed());
        }
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).startsWith("2: "), reported.toString());
    }

    @Test
    void invalidUtf8FailsOnTheLineWhereItShows() {
        byte[] latin1 = "geo,label\nFI_091,Helsinki\nFI_049,Hyvinkää\n".getBytes(StandardCharsets.ISO_8859_1);
        MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> read(latin1, ','));
        assertEquals(3, e.line(), "the first two lines were read");
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void aNulCharacterSuggestsUtf16() {
        byte[] utf16 = "geo\nFI\n".getBytes(StandardCharsets.UTF_16LE);
        MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> read(utf16, ','));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
    }
}
