package org.lmobservatory.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 reader: quoted fields with commas, quotes and line breaks, CRLF or LF, a UTF-8 BOM skipped.
 * Decoding is strict, so a file saved in another encoding fails on the line where it first shows.
 * Each record knows the line it started on.
 */
public final class CsvRecordReader implements AutoCloseable {
    public record CsvRecord(int line, List<String> fields) {
    }

    /** The file cannot be read as CSV at all from this point (bad encoding, unterminated quote). */
    public static final class MalformedCsvException extends IOException {
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final PushbackReader in;
    private final char separator;
    private int line = 1;
    private boolean first = true;

    public CsvRecordReader(InputStream stream, char separator) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.in = new PushbackReader(new java.io.BufferedReader(new InputStreamReader(stream, decoder), 1 << 16), 2);
        this.separator = separator;
    }

    public CsvRecordReader(Reader reader, char separator) {
        this.in = new PushbackReader(reader, 2);
        this.separator = separator;
    }

    /** The next record, or null at end of file. Blank lines are skipped. */
    public CsvRecord next() throws IOException {
        while (true) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int c = read(startLine);
            if (first) {
                first = false;
                if (c == '\uFEFF') c = read(startLine);
            }
            if (c == -1) return null;
            if (c == '\n' || c == '\r') {
                endOfLine(c, startLine);
                continue;
            }
            boolean quoted = false;
            boolean fieldStart = true;
            while (true) {
                if (quoted) {
                    if (c == -1) throw new MalformedCsvException(startLine, "a quoted field opened on this line is never closed");
                    if (c == '"') {
                        int n = read(startLine);
                        if (n == '"') field.append('"');
                        else {
                            quoted = false;
                            c = n;
                            continue;
                        }
                    } else {
                        if (c == '\n') line++;
                        field.append((char) c);
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                } else if (c == '\n' || c == '\r' || c == -1) {
                    fields.add(field.toString());
                    if (c != -1) endOfLine(c, startLine);
                    return new CsvRecord(startLine, fields);
                } else {
                    field.append((char) c);
                    fieldStart = false;
                }
                c = read(startLine);
            }
        }
    }

    private void endOfLine(int c, int startLine) throws IOException {
        if (c == '\r') {
            int n = read(startLine);
            if (n != '\n' && n != -1) in.unread(n);
        }
        line++;
    }

    private int read(int startLine) throws IOException {
        try {
            return in.read();
        } catch (CharacterCodingException e) {
            throw new MalformedCsvException(line, "the file is not valid UTF-8 here; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
