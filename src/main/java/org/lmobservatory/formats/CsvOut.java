package org.lmobservatory.formats;

import org.lmobservatory.observations.TableOptions.CsvDialect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 records (CRLF, quoted where needed) in a dialect: separator, decimal mark, optional byte order mark. */
final class CsvOut {
    private final Writer w;
    private final CsvDialect dialect;

    CsvOut(OutputStream out, CsvDialect dialect) throws IOException {
        this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.dialect = dialect;
        // Excel guesses the encoding of a double-clicked CSV and only recognises UTF-8 by its BOM.
        if (dialect.byteOrderMark()) w.write('\uFEFF');
    }

    /** A value as a plain number (no exponent, no grouping) in the dialect's decimal mark; empty when absent. */
    String number(BigDecimal value) {
        if (value == null) return "";
        String plain = value.toPlainString();
        return dialect.decimalMark() == '.' ? plain : plain.replace('.', dialect.decimalMark());
    }

    void record(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(dialect.separator());
            field(fields.get(i));
        }
        w.write("\r\n");
    }

    void flush() throws IOException {
        w.flush();
    }

    private void field(String field) throws IOException {
        if (field == null) return;
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            // Semicolons are quoted in comma files too, for spreadsheets that guess ';'. Commas are left bare in semicolon
            // files: they are the decimal mark there, and a quoted number may be read as text.
            quote = c == dialect.separator() || c == ';' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            w.write(field);
            return;
        }
        w.write('"');
        w.write(field.replace("\"", "\"\""));
        w.write('"');
    }
}
