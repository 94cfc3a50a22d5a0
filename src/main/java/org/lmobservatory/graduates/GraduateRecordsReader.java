package org.lmobservatory.graduates;

import org.lmobservatory.catalogue.Code;
import org.lmobservatory.graduates.GraduateRecord.FollowUp;
import org.lmobservatory.graduates.GraduateRecord.Status;
import org.lmobservatory.loader.LoadErrors;
import org.lmobservatory.loader.formats.CsvRecordReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams a graduate records CSV (one row per graduate) and checks every row; each problem is reported with file,
 * line, column and reason, and the row is skipped. Schools must keep one name, municipality and region throughout.
 */
final class GraduateRecordsReader implements AutoCloseable {
    static final List<String> REQUIRED = List.of("graduate_id", "school", "region", "municipality", "field", "sex",
            "graduation_year", "status_m06", "status_m12", "status_m24");
    static final List<String> OPTIONAL = List.of("school_name", "isced_level", "earnings_band_m06", "earnings_band_m12",
            "earnings_band_m24", "in_field_m06", "in_field_m12", "in_field_m24");
    private static final Pattern SCHOOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Set<String> YES = Set.of("y", "yes", "true", "1");
    private static final Set<String> NO = Set.of("n", "no", "false", "0");

    /** Where a school is, as first seen: later rows must agree. */
    record School(String code, String name, String country, String region, String municipality, int line) {
    }

    private final CsvRecordReader csv;
    private final ReferenceCodes codes;
    private final LoadErrors errors;
    private final Map<String, School> schools = new LinkedHashMap<>();
    private final Map<String, Integer> column = new HashMap<>();
    private int width;
    private boolean unusable;

    GraduateRecordsReader(InputStream in, ReferenceCodes codes, LoadErrors errors) {
        this.csv = new CsvRecordReader(in, ',');
        this.codes = codes;
        this.errors = errors;
    }

    /** Reads and checks the header; false when the file cannot be read at all. */
    boolean open() throws IOException {
        CsvRecordReader.CsvRecord header = read();
        String layout = String.join(",", REQUIRED) + " (optional: " + String.join(", ", OPTIONAL) + ")";
        if (header == null) {
            if (errors.count() == 0) errors.add(0, null, "the file is empty; expected a header row " + layout);
            return !(unusable = true);
        }
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (column.put(name, i) != null) errors.add(header.line(), name, "column '" + name + "' appears twice in the header");
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) errors.add(header.line(), name, "unexpected column '" + name + "'; expected " + layout);
        }
        for (String name : REQUIRED) if (!column.containsKey(name)) errors.add(header.line(), name, "missing column '" + name + "'; expected " + layout);
        width = header.fields().size();
        unusable = errors.count() > 0;
        return !unusable;
    }

    /** The next valid record, or null at the end; invalid rows are reported and skipped. */
    GraduateRecord next() throws IOException {
        while (!unusable) {
            CsvRecordReader.CsvRecord r = read();
            if (r == null) return null;
            if (r.fields().size() != width) {
                errors.add(r.line(), null, "expected " + width + " fields as in the header, found " + r.fields().size());
                continue;
            }
            GraduateRecord g = record(r);
            if (g != null) return g;
        }
        return null;
    }

    Map<String, School> schools() {
        return schools;
    }

    private GraduateRecord record(CsvRecordReader.CsvRecord r) {
        int before = errors.count();
        int line = r.line();
        String id = text(r, "graduate_id");
        if (id.isEmpty() || id.length() > 64) errors.add(line, "graduate_id", "graduate_id must be 1 to 64 characters, got '" + id + "'");
        String school = text(r, "school");
        if (!SCHOOL.matcher(school).matches()) errors.add(line, "school", "school '" + school + "' must be a code of letters, digits, '_', '.', '-' (at most 40)");
        String municipality = text(r, "municipality");
        String region = text(r, "region");
        String country = place(line, municipality, region);
        String field = text(r, "field");
        if (!codes.fields().contains(field) || codes.fields().code(field).map(Code::parent).isEmpty()) {
            errors.add(line, "field", "field '" + field + "' is not a field of codelist " + codes.fields().id()
                    + (codes.fields().contains(field) ? " (it is the total, which is computed)" : ReferenceCodes.hint(codes.fields(), field)));
        }
        String sex = text(r, "sex").toUpperCase(Locale.ROOT);
        if (!sex.equals("F") && !sex.equals("M")) errors.add(line, "sex", "sex must be F or M, got '" + text(r, "sex") + "'");
        String level = text(r, "isced_level");
        if (!level.isEmpty() && codes.iscedLevels().isPresent() && !codes.iscedLevels().get().contains(level)) {
            errors.add(line, "isced_level", "isced_level '" + level + "' is not in codelist " + codes.iscedLevels().get().id()
                    + ReferenceCodes.hint(codes.iscedLevels().get(), level));
        }
        int year = year(line, text(r, "graduation_year"));
        List<FollowUp> followUps = new ArrayList<>();
        for (String m : List.of("m06", "m12", "m24")) followUps.add(followUp(r, m));
        String name = text(r, "school_name");
        if (errors.count() == before) checkSchool(new School(school, name.isEmpty() ? null : name, country, region, municipality, line));
        if (errors.count() > before) return null;
        return new GraduateRecord(line, id, school, name.isEmpty() ? null : name, country, region, municipality, field,
                level.isEmpty() ? null : level, sex, year, followUps);
    }

    /** The country of a valid municipality and region, else null after reporting. */
    private String place(int line, String municipality, String region) {
        var muni = codes.geo().code(municipality);
        if (muni.isEmpty() || !"municipality".equals(muni.get().level())) {
            errors.add(line, "municipality", "municipality '" + municipality + "' is not a municipality of codelist " + codes.geo().id()
                    + ReferenceCodes.hint(codes.geo(), municipality));
            return null;
        }
        List<String> up = codes.ancestry(municipality);
        String country = up.get(up.size() - 1);
        if (!up.subList(1, up.size() - 1).contains(region)) {
            errors.add(line, "region", "region '" + region + "' is not above municipality '" + municipality + "' in codelist "
                    + codes.geo().id() + "; possible regions: " + String.join(", ", up.subList(1, up.size() - 1)));
            return null;
        }
        return country;
    }

    private int year(int line, String text) {
        if (text.matches("\\d{4}") && Integer.parseInt(text) >= 1950 && Integer.parseInt(text) <= 2100) return Integer.parseInt(text);
        errors.add(line, "graduation_year", "graduation_year must be a year such as 2023, got '" + text + "'");
        return 0;
    }

    private FollowUp followUp(CsvRecordReader.CsvRecord r, String m) {
        String statusText = text(r, "status_" + m).toLowerCase(Locale.ROOT);
        Status status = null;
        for (Status s : Status.values()) if (s.code().equals(statusText)) status = s;
        if (status == null) {
            errors.add(r.line(), "status_" + m, "status_" + m + " must be employed, education, both, neet or unknown, got '" + text(r, "status_" + m) + "'");
        }
        Integer band = null;
        String bandText = text(r, "earnings_band_" + m);
        if (!bandText.isEmpty()) {
            if (!bandText.matches("\\d{1,2}") || Integer.parseInt(bandText) < 1 || Integer.parseInt(bandText) > 10) {
                errors.add(r.line(), "earnings_band_" + m, "earnings_band_" + m + " must be a band from 1 to 10, got '" + bandText + "'");
            } else if (status != null && !status.employed()) {
                errors.add(r.line(), "earnings_band_" + m, "earnings_band_" + m + " is given but status_" + m + " is " + status.code() + ", not employed or both");
            } else {
                band = Integer.parseInt(bandText);
            }
        }
        Boolean inField = null;
        String match = text(r, "in_field_" + m).toLowerCase(Locale.ROOT);
        if (!match.isEmpty()) {
            if (!YES.contains(match) && !NO.contains(match)) errors.add(r.line(), "in_field_" + m, "in_field_" + m + " must be Y or N, got '" + match + "'");
            else if (status != null && !status.employed()) {
                errors.add(r.line(), "in_field_" + m, "in_field_" + m + " is given but status_" + m + " is " + status.code() + ", not employed or both");
            } else inField = YES.contains(match);
        }
        return new FollowUp(status, band, inField);
    }

    private void checkSchool(School s) {
        School first = schools.putIfAbsent(s.code(), s);
        if (first == null) return;
        if (!first.municipality().equals(s.municipality()) || !first.region().equals(s.region())) {
            errors.add(s.line(), "school", "school '" + s.code() + "' is in " + s.municipality() + " (" + s.region() + ") here but in "
                    + first.municipality() + " (" + first.region() + ") on line " + first.line());
        } else if (s.name() != null && first.name() != null && !s.name().equals(first.name())) {
            errors.add(s.line(), "school_name", "school '" + s.code() + "' is named '" + s.name() + "' here but '" + first.name() + "' on line " + first.line());
        } else if (first.name() == null && s.name() != null) {
            schools.put(s.code(), new School(s.code(), s.name(), first.country(), first.region(), first.municipality(), first.line()));
        }
    }

    private String text(CsvRecordReader.CsvRecord r, String name) {
        Integer i = column.get(name);
        return i == null ? "" : r.fields().get(i).trim();
    }

    private CsvRecordReader.CsvRecord read() throws IOException {
        CsvRecordReader.CsvRecord r = csv.nextOrReport(errors);
        if (csv.malformed()) unusable = true;
        return r;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
