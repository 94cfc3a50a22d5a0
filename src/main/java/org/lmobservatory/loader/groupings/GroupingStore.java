package org.lmobservatory.loader.groupings;

import org.jdbi.v3.core.Jdbi;
import org.lmobservatory.db.Json;
import org.lmobservatory.loader.CodelistDao;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.LoadError;
import org.lmobservatory.loader.groupings.GroupingFile.GroupDef;
import org.lmobservatory.loader.groupings.GroupingFile.GroupingDef;
import org.lmobservatory.releases.ReleaseListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loads grouping files: checked against the codelist, then stored as a new version when the content changed. Old
 * versions are kept, never rewritten, so an aggregate once served can still be explained.
 */
public final class GroupingStore {
    private final Jdbi jdbi;

    public GroupingStore(Jdbi ownerJdbi) {
        this.jdbi = ownerJdbi;
    }

    /** What a load did: the version now newest, and whether this load created it. */
    public record Loaded(String id, String codelist, int version, boolean changed, int groups, int members) {
        public String message() {
            return (changed ? "grouping " + id + " version " + version : "grouping " + id + " unchanged (version " + version + ")")
                    + " over " + codelist + ": " + groups + " groups, " + members + " members";
        }
    }

    public Loaded load(Path file) {
        GroupingDef def = GroupingFile.read(file, codes());
        return jdbi.inTransaction(h -> {
            GroupingStoreDao dao = h.attach(GroupingStoreDao.class);
            // One grouping, one codelist: the same id over another codelist is a different grouping and needs its own id.
            var newest = dao.newest(def.id());
            int members = def.groups().stream().mapToInt(g -> g.members().size()).sum();
            if (newest.isPresent() && !newest.get().codelistId().equals(def.codelist())) {
                throw new InvalidDefinitionException(List.of(new LoadError(file.getFileName().toString(), 0, "$.codelist",
                        "$.codelist: grouping " + def.id() + " groups codes of " + newest.get().codelistId() + ", not " + def.codelist()
                                + "; give a grouping of another codelist its own id")));
            }
            if (newest.isPresent() && newest.get().checksum().equals(def.checksum())) {
                return new Loaded(def.id(), def.codelist(), newest.get().version(), false, def.groups().size(), members);
            }
            int version = newest.map(n -> n.version() + 1).orElse(1);
            dao.insertGrouping(def.id(), version, def.codelist(), Json.write(def.labels()), Json.write(def.description()),
                    def.checksum(), file.getFileName().toString());
            List<GroupingStoreDao.GroupRow> groups = new ArrayList<>();
            List<GroupingStoreDao.MemberRow> rows = new ArrayList<>();
            for (GroupDef g : def.groups()) {
                int order = groups.size();
                groups.add(new GroupingStoreDao.GroupRow(g.code(), Json.write(g.labels()), g.validFrom(), g.validTo(), order));
                for (String m : g.members()) rows.add(new GroupingStoreDao.MemberRow(g.code(), order, m, rows.size()));
            }
            dao.insertGroups(def.id(), version, groups);
            dao.insertMembers(def.id(), version, rows);
            // Delivered at commit: every server's ReleaseListener then has its cached groupings dropped.
            dao.announce(ReleaseListener.GROUPING_CHANNEL, def.id());
            return new Loaded(def.id(), def.codelist(), version, true, groups.size(), members);
        });
    }

    private GroupingFile.Codes codes() {
        return new GroupingFile.Codes() {
            @Override
            public boolean codelistExists(String codelist) {
                return jdbi.withExtension(CodelistDao.class, dao -> dao.exists(codelist));
            }

            @Override
            public Predicate<String> codesOf(String codelist) {
                Set<String> codes = new HashSet<>();
                jdbi.useExtension(CodelistDao.class, dao -> dao.codes(codelist).forEach(c -> codes.add(c.id())));
                return codes::contains;
            }

            @Override
            public Map<String, String> otherGroupCodes(String codelist, String groupingId) {
                Map<String, String> taken = new HashMap<>();
                jdbi.useExtension(GroupingStoreDao.class, dao -> dao.otherGroupCodes(codelist, groupingId)
                        .forEach(t -> taken.put(t.code(), t.groupingId())));
                return taken;
            }
        };
    }
}
