package org.lmobservatory.catalogue;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.db.Json;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads catalogue metadata from schema "published" ({@link CatalogueDao}) and assembles the domain's records. */
final class CatalogueRepository {
    private final Jdbi jdbi;

    CatalogueRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<String> datasetIds() {
        return jdbi.withExtension(CatalogueDao.class, CatalogueDao::datasetIds);
    }

    List<String> search(List<String> words) {
        return jdbi.withExtension(CatalogueDao.class, dao -> dao.search(words.toArray(String[]::new)));
    }

    Optional<Dataset> dataset(String id) {
        return jdbi.withExtension(CatalogueDao.class, dao -> {
            List<Dimension> dimensions = dao.dimensions(id).stream()
                    .map(d -> new Dimension(d.dimensionId(), d.position(), d.codelistId(), d.role(), Json.labels(d.label())))
                    .toList();
            return dao.dataset(id).map(d -> new Dataset(
                    d.id(), Json.labels(d.title()), Json.labels(d.description()), d.theme(), Arrays.asList(d.keywords()),
                    Frequency.valueOf(d.frequency()),
                    new Unit(d.unitId(), Json.labels(d.unitLabel()), d.unitMultiplier(), d.decimals()),
                    d.source(), d.licence(), d.contact(), Json.labels(d.methodology()), d.demonstration(),
                    d.currentReleaseId(), d.updatedAt(), dimensions, d.measureDimension(), measures(dao, id),
                    new Dataset.Lifecycle(d.discontinuedOn(), d.successorId())));
        });
    }

    private static Map<String, Measure> measures(CatalogueDao dao, String datasetId) {
        Map<String, Measure> measures = new LinkedHashMap<>();
        List<CatalogueDao.MeasureRow> rows = dao.measures(datasetId);
        Map<String, List<Code>> categories = rows.stream().anyMatch(m -> m.codelistId() != null)
                ? dao.categories(datasetId).stream().collect(Collectors.groupingBy(CatalogueDao.CategoryRow::measureCode, LinkedHashMap::new,
                        Collectors.mapping(c -> new Code(c.codeId(), c.parentId(), c.level(), Json.labels(c.labels()), c.sortOrder()),
                                Collectors.toList())))
                : Map.of();
        for (CatalogueDao.MeasureRow m : rows) {
            measures.put(m.codeId(), new Measure(m.codeId(), MeasureKind.of(m.kind()).orElseThrow(),
                    new Unit(m.unitId(), Json.labels(m.unitLabel()), m.unitMultiplier(), m.decimals()),
                    m.numerator(), m.denominator(), m.scale(), m.codelistId(), List.copyOf(categories.getOrDefault(m.codeId(), List.of()))));
        }
        return Collections.unmodifiableMap(measures);
    }

    Optional<Codelist> codelist(String id) {
        return jdbi.withExtension(CatalogueDao.class, dao -> dao.codelist(id).map(head -> {
            Map<String, List<Code.Successor>> successors = dao.successors(id).stream().collect(Collectors.groupingBy(
                    CatalogueDao.SuccessorRow::codeId,
                    Collectors.mapping(s -> new Code.Successor(s.successorId(), s.kind(), s.fromVersion(), s.toVersion()),
                            Collectors.toList())));
            List<Code> codes = dao.codes(id).stream()
                    .map(c -> new Code(c.codeId(), c.parentId(), c.level(), Json.labels(c.labels()), c.sortOrder(),
                            c.validIn() == null ? null : List.of(c.validIn()),
                            successors.getOrDefault(c.codeId(), List.of())))
                    .toList();
            return Codelist.of(id, head.version(), Json.labels(head.title()), Json.labels(head.note()), codes);
        }));
    }

    /** Each grouping over the codelist in its newest version, with its earlier versions; groups and members in file order. */
    List<Grouping> groupings(String codelistId) {
        return jdbi.withExtension(GroupingDao.class, dao -> {
            Map<String, List<String>> members = new LinkedHashMap<>();
            for (GroupingDao.MemberRow m : dao.members(codelistId)) {
                members.computeIfAbsent(m.groupingId() + "\u0000" + m.version() + "\u0000" + m.groupOrder(), k -> new java.util.ArrayList<>())
                        .add(m.member());
            }
            Map<String, List<Grouping.Group>> groups = new LinkedHashMap<>();
            for (GroupingDao.GroupRow g : dao.groups(codelistId)) {
                groups.computeIfAbsent(g.groupingId() + "\u0000" + g.version(), k -> new java.util.ArrayList<>()).add(new Grouping.Group(g.code(),
                        Json.labels(g.labels()), g.validFrom(), g.validTo(),
                        List.copyOf(members.getOrDefault(g.groupingId() + "\u0000" + g.version() + "\u0000" + g.sortOrder(), List.of()))));
            }
            // Rows come newest version first for each id: the first row of an id is the grouping, the rest its history.
            Map<String, List<GroupingDao.GroupingRow>> versions = dao.groupings(codelistId).stream()
                    .collect(Collectors.groupingBy(GroupingDao.GroupingRow::id, LinkedHashMap::new, Collectors.toList()));
            return versions.values().stream().map(rows -> {
                GroupingDao.GroupingRow g = rows.get(0);
                List<Grouping.Version> earlier = rows.stream().skip(1)
                        .map(r -> new Grouping.Version(r.version(), r.loadedAt(), List.copyOf(groups.getOrDefault(r.id() + "\u0000" + r.version(), List.of()))))
                        .toList();
                return new Grouping(g.id(), g.version(), codelistId, Json.labels(g.labels()), Json.labels(g.description()),
                        g.loadedAt(), List.copyOf(groups.getOrDefault(g.id() + "\u0000" + g.version(), List.of())), earlier);
            }).toList();
        });
    }

    List<String> codelistIds() {
        return jdbi.withExtension(CatalogueDao.class, CatalogueDao::codelistIds);
    }

    /** Codes of one dimension that occur in a release (position is 0-based). */
    Set<String> codesInRelease(long releaseId, int position) {
        List<String> codes = jdbi.withExtension(CatalogueDao.class, dao -> dao.codesInRelease(releaseId, position + 1));
        return new TreeSet<>(codes);
    }
}
