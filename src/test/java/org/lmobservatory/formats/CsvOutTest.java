package org.lmobservatory.formats;

import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.formats.CsvRecordReader;
import org.lmobservatory.observations.TableOptions.CsvDialect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSV writer on its own: quoting, dialects, numbers; and what it writes reads back as written. */
class CsvOutTest {

    private static String write(CsvDialect dialect, List<List<String>> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvOut out = new CsvOut(bytes, dialect);
        for (List<String> r : records) out.record(r);
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quotesOnlyWhereNeededWithCrlfRecords() throws IOException {
        String csv = write(CsvDialect.RFC_4180, List.of(List.of("geo", "label"), List.of("FI_091", "Helsinki, \"capital\""),
                List.of("a;b", "line\nbreak"), Arrays.asList("x", null)));
        assertEquals("geo,label\r\nFI_091,\"Helsinki, \"\"capital\"\"\"\r\n\"a;b\",\"line\nbreak\"\r\nx,\r\n", csv);
    }

    @Test
    void semicolonDialectWithDecimalCommaAndBom() throws IOException {
        CsvDialect excel = new CsvDialect(';', ',', true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvOut out = new CsvOut(bytes, excel);
        out.record(List.of("value", out.number(new BigDecimal("1234.5")), out.number(new BigDecimal("1E+3")), out.number(null)));
        out.flush();
        assertEquals("\uFEFFvalue;1234,5;1000;\r\n", bytes.toString(StandardCharsets.UTF_8), "decimal comma bare, no exponent, no grouping");
    }

    @Test
    void whatIsWrittenReadsBackAsWritten() throws IOException {
        List<List<String>> records = List.of(List.of("a", "", "\"", "\"\"", ",", ";", "\r\n", "Žďár, CZ", "Prishtinë"),
                List.of(" lead", "trail ", "x\"y\"z", "\n"));
        for (CsvDialect dialect : List.of(CsvDialect.RFC_4180, new CsvDialect(';', ',', true))) {
            String csv = write(dialect, records);
            List<List<String>> back = new ArrayList<>();
            try (CsvRecordReader r = new CsvRecordReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dialect.separator())) {
                CsvRecordReader.CsvRecord rec;
                while ((rec = r.next()) != null) back.add(rec.fields());
            }
            assertEquals(records, back, "dialect " + dialect);
        }
    }
}
