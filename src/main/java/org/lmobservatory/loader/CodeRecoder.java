package org.lmobservatory.loader;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.catalogue.Code;
import org.lmobservatory.catalogue.Codelist;
import org.lmobservatory.catalogue.Dataset;
import org.lmobservatory.catalogue.Dimension;
import org.lmobservatory.loader.formats.ObservationReader;
import org.lmobservatory.loader.formats.RawObservation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings geo codes of an older classification version (NUTS2013) to the version of the dataset's geo codelist
 * (NUTS2021), following the codelist's successor steps: a code that was only renamed, however many times, is
 * replaced by its current code; one that was split, merged or changed its boundary has no one-to-one successor,
 * so its row is rejected, or (with the nutsBreaks option) kept under its old code and flagged 'b', a break in series.
 * Active only when the geo codelist has a version and successor data.
 */
final class CodeRecoder {
    static final CodeRecoder NONE = new CodeRecoder(-1, null, null, null, Map.of(), false);
    private static final List<String> SEVERITY = List.of("recode", "boundary", "merge", "split");

    record Step(String successor, String fromVersion, String toVersion, String kind) {
    }

    /** A code as of a version, on the way from the old code to the target version. */
    private record At(String code, String version) {
    }

    /** What becomes of one code: kept, replaced, or a break with its explanation. */
    private record Outcome(String code, String lastVersion, String explanation) {
        boolean isBreak() {
            return explanation != null;
        }
    }

    private final int position;
    private final String dimensionId;
    private final Codelist codelist;
    private final String target;
    private final Map<String, List<Step>> steps;
    private final boolean flagBreaks;
    private final Map<String, Outcome> outcomes = new HashMap<>();

    private CodeRecoder(int position, String dimensionId, Codelist codelist, String target, Map<String, List<Step>> steps,
                        boolean flagBreaks) {
        this.position = position;
        this.dimensionId = dimensionId;
        this.codelist = codelist;
        this.target = target;
        this.steps = steps;
        this.flagBreaks = flagBreaks;
    }

    static CodeRecoder forDataset(Jdbi jdbi, Dataset dataset, List<Codelist> codelists, boolean flagBreaks) {
        Dimension geo = dataset.geoDimension().orElse(null);
        if (geo == null) return NONE;
        Codelist list = codelists.get(geo.position());
        if (list.version() == null) return NONE;
        Map<String, List<Step>> steps = jdbi.withExtension(CodelistDao.class, dao -> dao.successors(list.id())).stream()
                .collect(Collectors.groupingBy(CodelistDao.SuccessorStep::code, Collectors.mapping(
                        s -> new Step(s.successor(), s.fromVersion(), s.toVersion(), s.kind()), Collectors.toList())));
        if (steps.isEmpty()) return NONE;
        return new CodeRecoder(geo.position(), geo.id(), list, list.version(), steps, flagBreaks);
    }

    boolean covers(Dimension d) {
        return d.position() == position;
    }

    /** The row with its geo code brought to the target version (or flagged), or null after reporting why it cannot be. */
    RawObservation apply(RawObservation raw, ObservationReader.ErrorSink errors) {
        if (position < 0) return raw;
        String code = raw.codes().get(position);
        Outcome o = outcomes.computeIfAbsent(code, this::resolve);
        if (!o.isBreak()) {
            if (o.code().equals(code)) return raw;
            List<String> codes = new ArrayList<>(raw.codes());
            codes.set(position, o.code());
            return new RawObservation(raw.line(), codes, raw.time(), raw.value(), raw.flags());
        }
        if (flagBreaks) {
            String flags = raw.flags().contains("b") ? raw.flags() : raw.flags() + "b";
            return new RawObservation(raw.line(), raw.codes(), raw.time(), raw.value(), flags);
        }
        String version = o.lastVersion() == null ? "an older version" : o.lastVersion();
        errors.add(raw.line(), dimensionId, dimensionId + " '" + code + "' (" + version + ") has no one-to-one successor in "
                + target + " (" + o.explanation() + "); use --nuts-breaks flag to load it flagged 'b'");
        return null;
    }

    private boolean current(String code) {
        return codelist.code(code).map(c -> c.validIn(target)).orElse(false);
    }

    private Outcome resolve(String code) {
        Code known = codelist.code(code).orElse(null);
        boolean hasSteps = steps.containsKey(code);
        if (known != null && known.validIn(target) || known == null && !hasSteps) return new Outcome(code, null, null);
        String since = known != null && known.validIn() != null && !known.validIn().isEmpty()
                ? Collections.max(known.validIn())
                : steps.getOrDefault(code, List.of()).stream().map(Step::fromVersion).min(String::compareTo).orElse(null);
        // Follow the steps version by version (a code may be reused later, so only steps after the version we are at).
        Set<String> reached = new LinkedHashSet<>();
        String worst = "recode";
        boolean deadEnd = false;
        List<At> frontier = new ArrayList<>(List.of(new At(code, since)));
        for (int guard = 0; !frontier.isEmpty() && guard < 1_000; guard++) {
            At at = frontier.remove(0);
            if (!at.code().equals(code) && current(at.code())) {
                reached.add(at.code());
                continue;
            }
            List<Step> next = nextSteps(at.code(), at.version());
            if (next.isEmpty()) {
                deadEnd = true;
                continue;
            }
            if (next.size() > 1) worst = worse(worst, "split");
            for (Step s : next) {
                worst = worse(worst, s.kind());
                frontier.add(new At(s.successor(), s.toVersion()));
            }
        }
        if (!deadEnd && reached.size() == 1 && worst.equals("recode")) return new Outcome(reached.iterator().next(), since, null);
        return new Outcome(code, since, explain(worst, reached, deadEnd));
    }

    /** The earliest change of the code at or after the version it was last seen in (versions compare as text: NUTS2013 < NUTS2016). */
    private List<Step> nextSteps(String code, String version) {
        List<Step> candidates = steps.getOrDefault(code, List.of()).stream()
                .filter(s -> version == null || s.fromVersion().compareTo(version) >= 0).toList();
        String first = candidates.stream().map(Step::fromVersion).min(String::compareTo).orElse(null);
        return candidates.stream().filter(s -> s.fromVersion().equals(first)).toList();
    }

    private static String worse(String a, String b) {
        return SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a;
    }

    private static String explain(String kind, Set<String> reached, boolean deadEnd) {
        if (reached.isEmpty()) return "discontinued without successor";
        String codes = String.join(", ", reached);
        String text = switch (kind) {
            case "split" -> "split into " + codes;
            case "merge" -> "merged into " + codes;
            case "boundary" -> "boundary changed, now " + codes;
            default -> "recoded to " + codes;
        };
        return deadEnd ? text + ", partly discontinued" : text;
    }
}
