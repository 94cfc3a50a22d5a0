package org.lmobservatory.loader.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
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

    private static final int NONE = -2;
    /**
     * The decoder itself, not a PushbackReader over it: PushbackReader takes a lock for every character, which was an
     * eighth of the loader's time (JFR profile, issue 16). One character of push-back is all a CR LF needs.
     */
    private final Reader in;
    private int pushedBack = NONE;
    private final char separator;
    private int line = 1;
    private boolean first = true;
    private boolean malformed;

    public CsvRecordReader(InputStream stream, char separator) {
        this.in = new StrictUtf8Reader(stream);
        this.separator = separator;
    }

    public CsvRecordReader(Reader reader, char separator) {
        this.in = reader;
        this.separator = separator;
    }

    /**
     * The next record, or null at the end of the file or where it stops being readable as CSV: that problem is
     * reported on its line and {@link #malformed()} turns true, so a reader stops without a second message.
     */
    public CsvRecord nextOrReport(ObservationReader.ErrorSink errors) throws IOException {
        try {
            return next();
        } catch (MalformedCsvException e) {
            errors.add(e.line(), null, e.getMessage());
            malformed = true;
            return null;
        }
    }

    public boolean malformed() {
        return malformed;
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
            if (n != '\n' && n != -1) pushedBack = n;
        }
        line++;
    }

    private int read(int startLine) throws IOException {
        int c;
        if (pushedBack != NONE) {
            c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        try {
            c = in.read();
        } catch (CharacterCodingException e) {
            throw new MalformedCsvException(line, "the file is not valid UTF-8 here; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)");
        }
        if (c == 0) {
            // PostgreSQL text cannot hold NUL, and trim() would silently drop it; a UTF-16 file is full of them.
            throw new MalformedCsvException(line, "the file contains a NUL character here; it may be saved as UTF-16 (\"Unicode text\"): "
                    + "save it as UTF-8 (CSV UTF-8 in spreadsheet programs)");
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Strict UTF-8 decoding that hands out every character before a bad byte sequence and fails only when the
     * reader reaches it. (An InputStreamReader fails a whole read-ahead buffer at once, so the error showed on
     * the line being read when the buffer was filled, usually line 1, instead of the line with the bad byte.)
     */
    private static final class StrictUtf8Reader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
        private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
        private CharacterCodingException pending;
        private boolean endOfInput;
        private boolean flushed;

        StrictUtf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return available() ? chars.get() : -1;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) return 0;
            if (!available()) return -1;
            int n = Math.min(length, chars.remaining());
            chars.get(buffer, offset, n);
            return n;
        }

        /** True when a character is ready; false at the end; throws once the reader has reached a bad sequence. */
        private boolean available() throws IOException {
            while (!chars.hasRemaining()) {
                if (pending != null) throw pending;
                if (flushed) return false;
                decodeMore();
            }
            return true;
        }

        /** Decodes the next chunk; at a bad sequence keeps what came before it and remembers the error for later. */
        private void decodeMore() throws IOException {
            chars.clear();
            try {
                while (chars.position() == 0 && pending == null && !flushed) {
                    if (!endOfInput && bytes.remaining() < bytes.capacity()) {
                        bytes.compact();
                        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                        if (n < 0) endOfInput = true;
                        else bytes.position(bytes.position() + n);
                        bytes.flip();
                    }
                    CoderResult result = decoder.decode(bytes, chars, endOfInput);
                    if (result.isError()) {
                        pending = result.isMalformed() ? new MalformedInputException(result.length())
                                : new UnmappableCharacterException(result.length());
                    } else if (endOfInput && !bytes.hasRemaining()) {
                        decoder.flush(chars);
                        flushed = true;
                    }
                }
            } finally {
                chars.flip();
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
