package org.lmobservatory.loader.formats;

import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.catalogue.Period;
import org.lmobservatory.formats.Flags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Eurostat bulk download TSV, both header styles: classic {@code age,sex,geo\time 2013 2012 …} and current
 * {@code freq,age,unit,sex,geo\TIME_PERIOD 2003 2004 …}. The first column holds a series key (comma-separated
 * codes), every other column one period; a cell is a number or ':' followed by optional flags ("9.4 b", ": u").
 * One line yields one observation per period column, each carrying the file's line number.
 */
public final class EurostatTsvReader implements ObservationReader {
    private static final Pattern CELL = Pattern.compile("(:|[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([A-Za-z]*)");

    private final BufferedReader in;
    private int lineNo;
    private boolean unusable;
    private int keyWidth;
    private int[] keyIndexOfDimension;
    private String keyHeader;
    private String[] timeHeaders;
    private String[] periods;
    private ConstantDimensions constants;

    private int rowLine;
    private List<String> rowCodes;
    private String[] rowCells;
    private int nextCell;

    public EurostatTsvReader(InputStream stream) {
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    @Override
    public void open(Dataset dataset, ErrorSink errors) throws IOException {
        String header = readLine(errors);
        while (header != null && header.isBlank()) header = readLine(errors);
        if (header == null) {
            if (errors.count() == 0) errors.add(0, null, "the file is empty; expected a Eurostat TSV header such as age,sex,geo\\time<TAB>2024<TAB>2023");
            unusable = true;
            return;
        }
        int headerLine = lineNo;
        if (header.startsWith("\uFEFF")) header = header.substring(1);
        String[] columns = header.split("\t", -1);
        keyHeader = columns[0].trim();
        int backslash = keyHeader.indexOf('\\');
        if (backslash < 0) {
            errors.add(headerLine, null, "first header cell '" + keyHeader + "' is not a Eurostat key header like age,sex,geo\\time");
            unusable = true;
            return;
        }
        List<String> sourceDims = Arrays.stream(keyHeader.substring(0, backslash).split(",", -1))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        keyWidth = sourceDims.size();
        mapDimensions(dataset, sourceDims, headerLine, errors);
        readTimeColumns(dataset, columns, headerLine, errors);
        unusable = errors.count() > 0;
    }

    private void mapDimensions(Dataset dataset, List<String> sourceDims, int headerLine, ErrorSink errors) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sourceDims.size(); i++) {
            if (index.put(sourceDims.get(i), i) != null) errors.add(headerLine, sourceDims.get(i), "dimension '" + sourceDims.get(i) + "' appears twice in " + keyHeader);
        }
        keyIndexOfDimension = new int[dataset.dimensions().size()];
        for (Dimension d : dataset.dimensions()) {
            Integer i = index.remove(d.id());
            if (i == null) {
                errors.add(headerLine, d.id(), "dimension '" + d.id() + "' of dataset " + dataset.id() + " is not in the file's key "
                        + keyHeader + "; the file must give every dimension of the dataset");
                keyIndexOfDimension[d.position()] = -1;
            } else {
                keyIndexOfDimension[d.position()] = i;
            }
        }
        List<String> extraNames = new ArrayList<>();
        List<Integer> extraIndex = new ArrayList<>();
        for (int i = 0; i < sourceDims.size(); i++) {
            if (index.containsKey(sourceDims.get(i))) {
                extraNames.add(sourceDims.get(i));
                extraIndex.add(i);
            }
        }
        constants = new ConstantDimensions(dataset.id(), extraNames, extraIndex.stream().mapToInt(Integer::intValue).toArray());
    }

    private void readTimeColumns(Dataset dataset, String[] columns, int headerLine, ErrorSink errors) {
        int n = columns.length - 1;
        while (n > 0 && columns[n].isBlank()) n--; // a trailing tab is not a period column
        timeHeaders = new String[n];
        periods = new String[n];
        Map<String, String> seen = new HashMap<>();
        for (int c = 1; c <= n; c++) {
            String written = columns[c].trim();
            String period = Period.parse(written, dataset.frequency()).map(Period::label).orElse(written);
            timeHeaders[c - 1] = written;
            periods[c - 1] = period;
            var parsed = Period.parse(period);
            if (parsed.isEmpty() || parsed.get().granularity() != dataset.frequency()) {
                errors.add(headerLine, written, "column " + (c + 1) + " header '" + written + "' is not a period of dataset " + dataset.id()
                        + "'s frequency " + dataset.frequency() + " (e.g. " + eurostatExample(dataset) + ")");
            } else if (seen.put(period, written) != null) {
                errors.add(headerLine, written, "period " + period + " appears twice in the header ('" + seen.get(period) + "' and '" + written + "')");
            }
        }
        if (n == 0) errors.add(headerLine, null, "the header has no period columns after " + keyHeader);
    }

    private static String eurostatExample(Dataset dataset) {
        return switch (dataset.frequency()) {
            case A -> "2024";
            case Q -> "2024Q3 or 2024-Q3";
            case M -> "2024M07 or 2024-07";
        };
    }

    @Override
    public RawObservation next(ErrorSink errors) throws IOException {
        if (unusable) return null;
        while (true) {
            while (rowCells != null && nextCell < periods.length) {
                int c = nextCell++;
                RawObservation o = cell(c, errors);
                if (o != null) return o;
            }
            rowCells = null;
            String line = readLine(errors);
            if (line == null) return null;
            if (line.isBlank()) continue;
            startRow(line, errors);
        }
    }

    /** Splits a line into its key and cells; on a malformed line reports it and leaves no cells to read. */
    private void startRow(String line, ErrorSink errors) {
        String[] fields = line.split("\t", -1);
        int width = fields.length;
        while (width > periods.length + 1 && fields[width - 1].isBlank()) width--;
        if (width != periods.length + 1) {
            errors.add(lineNo, null, "expected " + (periods.length + 1) + " tab-separated fields as in the header (key and "
                    + periods.length + " periods), found " + width);
            return;
        }
        String[] key = fields[0].split(",", -1);
        if (key.length != keyWidth) {
            errors.add(lineNo, keyHeader, "key '" + fields[0].trim() + "' has " + key.length + " codes, the header " + keyHeader
                    + " names " + keyWidth);
            return;
        }
        for (int i = 0; i < key.length; i++) key[i] = key[i].trim();
        if (!constants.check(lineNo, i -> key[i], errors)) return;
        List<String> codes = new ArrayList<>(keyIndexOfDimension.length);
        for (int i : keyIndexOfDimension) codes.add(key[i]);
        rowLine = lineNo;
        rowCodes = List.copyOf(codes);
        rowCells = fields;
        nextCell = 0;
    }

    private RawObservation cell(int c, ErrorSink errors) {
        String text = rowCells[c + 1].trim();
        Matcher m = CELL.matcher(text);
        if (!m.matches()) {
            errors.add(rowLine, timeHeaders[c], "column " + timeHeaders[c] + ": '" + text + "' is not a Eurostat cell; expected a number or ':'"
                    + " followed by optional flags, e.g. '9.4', '9.4 b', ': u'" + (text.matches("-?\\d+,\\d+.*") ? " (use '.' as the decimal separator)" : ""));
            return null;
        }
        String flags = m.group(2).toLowerCase(Locale.ROOT);
        for (char f : flags.toCharArray()) {
            if (!Flags.known(f)) {
                errors.add(rowLine, timeHeaders[c], "column " + timeHeaders[c] + ": flag '" + f + "' in '" + text + "' is unknown; known flags: "
                        + String.join(", ", Flags.LEGEND.keySet().stream().sorted().toList()));
                return null;
            }
        }
        boolean missing = m.group(1).equals(":");
        return new RawObservation(rowLine, rowCodes, periods[c], missing ? "" : m.group(1),
                missing ? MissingValues.flagsOfMissing(flags) : flags);
    }

    private String readLine(ErrorSink errors) throws IOException {
        try {
            String line = in.readLine();
            if (line != null) lineNo++;
            return line;
        } catch (CharacterCodingException e) {
            errors.add(lineNo + 1, null, "the file is not valid UTF-8 here; Eurostat TSV files are UTF-8");
            unusable = true;
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
