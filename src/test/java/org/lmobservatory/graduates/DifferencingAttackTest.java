package org.lmobservatory.graduates;

import org.junit.jupiter.api.Test;
import org.lmobservatory.disclosure.DisclosureRisk;
import org.lmobservatory.support.SeedFile;
import org.lmobservatory.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two releases of one dataset whose files differ by one record, downloaded with {@code release=} and compared by the
 * outside {@link DifferencingAttack} (its own LP over both releases, not the loader's auditor). The README promises
 * that an attacker who enumerates where the changed person can be "keeps every school possible (at least k = 3
 * required)", and issue 9 asks that neither cohort-and-school nor any status be determined. k = 3 (the usual minimum
 * group size): at least 3 schools of the changed cohort, at least 3 statuses at each follow-up point (for a
 * correction: 3 new statuses at the corrected point), both sexes and min(3, fields) fields must stay possible. The
 * cohort itself is revealed by design (README, Limits). A release the loader refuses (DisclosureRisk) protects the
 * person too: a pass, reported in the output. {@code -Dlmo.diff.files=N} tries N random files per kind (default 3:
 * with the earlier bound of 4, one file per kind passed 3 CI runs in 4 while 3 of 8 removals failed when measured, so
 * one draw is not evidence).
 */
class DifferencingAttackTest {
    private static final int K = 3;
    private static final int FILES = Integer.getInteger("lmo.diff.files", 3);

    @Test
    void aGraduateAddedInTheNextReleaseIsNotSingledOut() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < FILES; i++) problems.addAll(attack(9500 + i, "diff-add-" + i, DifferencingAttack.Kind.ADDED));
        assertEquals(List.of(), problems);
    }

    @Test
    void aGraduateRemovedInTheNextReleaseIsNotSingledOut() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < FILES; i++) problems.addAll(attack(9600 + i, "diff-remove-" + i, DifferencingAttack.Kind.REMOVED));
        assertEquals(List.of(), problems);
    }

    @Test
    void aCorrectedStatusInTheNextReleaseIsNotSingledOut() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < FILES; i++) problems.addAll(attack(9700 + i, "diff-correct-" + i, DifferencingAttack.Kind.CORRECTED));
        assertEquals(List.of(), problems);
    }

    private static List<String> attack(long seed, String datasetId, DifferencingAttack.Kind kind) throws Exception {
        TestServer.get();
        Random rnd = new Random(seed);
        Path dir = Files.createTempDirectory("lmo-diff-attack");
        String codelist = "DIFFATK_AREA_" + datasetId.replace('-', '_').toUpperCase(Locale.ROOT);
        Path file = RandomGraduates.write(dir, seed, 300 + rnd.nextInt(700), 2);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int at = 1 + rnd.nextInt(lines.size() - 1);
        String oldLine = lines.get(at), changedLine;
        switch (kind) {
            case ADDED -> {
                changedLine = newGraduate(lines, rnd);
                lines.add(changedLine);
            }
            case REMOVED -> changedLine = lines.remove(at);
            default -> {
                changedLine = corrected(header, oldLine, rnd);
                lines.set(at, changedLine);
            }
        }
        Path other = dir.resolve("changed.csv");
        Files.writeString(other, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Path definition = RandomGraduates.definition(dir, datasetId, codelist);
        Long first = load(datasetId, file, definition), second = load(datasetId, other, definition);
        if (first == null || second == null) return List.of();
        PublishedTables a = PublishedTables.download(datasetId, codelist, first), b = PublishedTables.download(datasetId, codelist, second);
        DifferencingAttack.Person person = person(header, kind == DifferencingAttack.Kind.CORRECTED ? oldLine : changedLine, changedLine);
        boolean[] visible = new boolean[3];
        for (int m = 0; m < 3; m++) visible[m] = !person.status()[m].equals("unknown");
        DifferencingAttack.Result r = new DifferencingAttack(a, b, kind).run(visible, K, person, seed);
        System.out.println("[differencing] " + datasetId + ", " + kind.name().toLowerCase(Locale.ROOT) + " " + changedLine
                + (kind == DifferencingAttack.Kind.CORRECTED ? " (was " + oldLine + ")" : "") + ": " + r);
        List<String> problems = new ArrayList<>();
        if (!r.truePossible()) problems.add(datasetId + ": the true record is not feasible in the attacker's model (model error or noise beyond maxNoise): " + r);
        if (r.schools().size() < K) problems.add(datasetId + ": only " + r.schools().size() + " school(s) possible: " + r);
        if (r.sexes().size() < 2) problems.add(datasetId + ": sex determined: " + r);
        int fields = Math.min(K, new TreeSet<>(a.fields).size());
        if (r.fields().size() < fields) problems.add(datasetId + ": fields narrowed to " + r.fields() + ": " + r);
        for (int m = 0; m < 3; m++) {
            String month = DifferencingAttack.MONTHS.get(m);
            Set<String> seen = r.statuses().get(month);
            if (kind == DifferencingAttack.Kind.CORRECTED) {
                if (person.oldStatus()[m].equals(person.status()[m])) continue;
                Set<String> newStatuses = new TreeSet<>();
                seen.forEach(p -> newStatuses.add(p.substring(p.indexOf('→') + 1)));
                seen = newStatuses;
            }
            if (seen.size() < K) problems.add(datasetId + ": " + month + " status narrowed to " + seen + ": " + r);
        }
        return problems;
    }

    /** The release id, or null when the loader refused to publish (a pass: nothing was published). */
    private static Long load(String datasetId, Path file, Path definition) throws Exception {
        try {
            GraduateLoadReport report = GraduateTestSupport.loader().load(datasetId, file, GraduateLoadOptions.defaults().withDefinition(definition));
            if (report.status() != GraduateLoadReport.Status.PUBLISHED) {
                System.out.println("[differencing] " + datasetId + ": the loader did not publish (" + report.status() + ": " + report.message() + ") — a pass");
                return null;
            }
            TestServer.awaitRelease(datasetId, report.releaseId());
            return report.releaseId();
        } catch (DisclosureRisk refused) {
            System.out.println("[differencing] " + datasetId + ": the loader refused the release (DisclosureRisk: " + refused.getMessage() + ") — a pass");
            return null;
        }
    }

    /** A random graduate in the school of a random existing record, with a random sex, one of the file's fields and random statuses. */
    private static String newGraduate(List<String> lines, Random rnd) {
        List<String> template = SeedFile.parseCsv(lines.get(1 + rnd.nextInt(lines.size() - 1)) + "\r\n").get(0);
        List<String> fields = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String f = l.split(",")[5];
            if (!fields.contains(f)) fields.add(f);
        }
        String[] status = new String[3];
        StringBuilder in = new StringBuilder(), earn = new StringBuilder();
        for (int m = 0; m < 3; m++) {
            status[m] = DifferencingAttack.STATUSES.get(rnd.nextInt(DifferencingAttack.STATUSES.size()));
            boolean employed = status[m].equals("employed") || status[m].equals("both");
            in.append(',').append(employed ? List.of("Y", "N", "").get(rnd.nextInt(3)) : "");
            earn.append(',').append(employed && rnd.nextBoolean() ? Integer.toString(1 + rnd.nextInt(10)) : "");
        }
        return String.join(",", "ADDED-1", template.get(1), template.get(2), template.get(3), template.get(4),
                fields.get(rnd.nextInt(fields.size())), rnd.nextBoolean() ? "F" : "M", template.get(7), status[0], status[1], status[2])
                + in + earn;
    }

    /** The record with the status of one random follow-up point replaced by another (field match and earnings made consistent). */
    private static String corrected(List<String> header, String line, Random rnd) {
        List<String> r = new ArrayList<>(List.of(line.split(",", -1)));
        String suffix = DifferencingAttack.MONTHS.get(rnd.nextInt(3)).toLowerCase(Locale.ROOT);
        int status = header.indexOf("status_" + suffix);
        List<String> others = new ArrayList<>(DifferencingAttack.STATUSES);
        others.remove(r.get(status));
        String now = others.get(rnd.nextInt(others.size()));
        r.set(status, now);
        boolean employed = now.equals("employed") || now.equals("both");
        r.set(header.indexOf("in_field_" + suffix), employed ? (rnd.nextBoolean() ? "Y" : "N") : "");
        r.set(header.indexOf("earnings_band_" + suffix), employed ? Integer.toString(1 + rnd.nextInt(10)) : "");
        return String.join(",", r);
    }

    /** The person as the test knows them: statuses of the new line, old statuses of the old line. */
    private static DifferencingAttack.Person person(List<String> h, String oldLine, String line) {
        List<String> r = List.of(line.split(",", -1)), o = List.of(oldLine.split(",", -1));
        String[] status = new String[3], old = new String[3];
        boolean[] inField = new boolean[3], known = new boolean[3], oldInField = new boolean[3], oldKnown = new boolean[3];
        for (int m = 0; m < 3; m++) {
            String suffix = DifferencingAttack.MONTHS.get(m).toLowerCase(Locale.ROOT);
            status[m] = r.get(h.indexOf("status_" + suffix));
            old[m] = o.get(h.indexOf("status_" + suffix));
            boolean employed = status[m].equals("employed") || status[m].equals("both");
            String match = r.get(h.indexOf("in_field_" + suffix));
            inField[m] = employed && match.equals("Y");
            known[m] = employed && !match.isEmpty();
            boolean wasEmployed = old[m].equals("employed") || old[m].equals("both");
            String oldMatch = o.get(h.indexOf("in_field_" + suffix));
            oldInField[m] = wasEmployed && oldMatch.equals("Y");
            oldKnown[m] = wasEmployed && !oldMatch.isEmpty();
        }
        return new DifferencingAttack.Person(r.get(h.indexOf("graduation_year")), r.get(h.indexOf("school")), r.get(h.indexOf("sex")),
                r.get(h.indexOf("field")), status, old, inField, known, oldInField, oldKnown);
    }
}
