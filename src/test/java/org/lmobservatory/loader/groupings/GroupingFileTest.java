package org.lmobservatory.loader.groupings;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmobservatory.loader.DefinitionFiles.InvalidDefinitionException;
import org.lmobservatory.loader.LoadError;
import org.lmobservatory.loader.LoadService;
import org.lmobservatory.support.TestDatabase;
import org.lmobservatory.support.TestServer;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** load-grouping against the embedded database: what it refuses (file, line, path, reason) and how it versions. */
class GroupingFileTest {
    private static GroupingStore store;

    @BeforeAll
    static void codelist() throws Exception {
        new LoadService(TestDatabase.get().owner()).define(TestServer.file("T_GRP_AREA.json", """
                {"id": "T_GRP_AREA", "title": {"en": "Test areas"}, "codes": [
                  {"id": "A1", "labels": {"en": "One"}}, {"id": "A2", "labels": {"en": "Two"}},
                  {"id": "A3", "labels": {"en": "Three"}}]}
                """));
        store = new GroupingStore(TestDatabase.get().owner());
    }

    private static Path file(String name, String groups) throws Exception {
        return TestServer.file(name, """
                {"id": "%s", "codelist": "T_GRP_AREA", "labels": {"en": "Test grouping"},
                 "groups": [%s]}
                """.formatted(name.replace(".json", ""), groups));
    }

    private static List<String> refused(Path file) {
        return assertThrows(InvalidDefinitionException.class, () -> store.load(file)).errors().stream().map(LoadError::toString).toList();
    }

    @Test
    void aBadGroupingFileNamesFileLinePathAndReasonOfEveryProblem() throws Exception {
        Path bad = TestServer.file("T_GRP_BAD.json", """
                {"id": "T_GRP_BAD", "codelist": "T_GRP_AREA", "labels": {"en": "Bad"},
                 "groups": [
                   {"code": "B1", "labels": {"en": "B1"}, "validFrom": "2025-01-01", "validTo": "2024-12-31",
                    "members": ["A1",
                                "A9",
                                "A1"]},
                   {"code": "B1", "labels": {"fi": "ei englantia"}, "members": ["A2"]},
                   {"code": "A3", "labels": {"en": "clash"}, "validFrom": "2025-13-01", "members": []}
                 ]}
                """);
        List<String> errors = refused(bad);
        assertEquals(List.of(
                "T_GRP_BAD.json:3: $.groups[0].validTo: validTo 2024-12-31 is before validFrom 2025-01-01; validity must be ordered",
                "T_GRP_BAD.json:5: $.groups[0].members[1]: 'A9' is not a code of codelist T_GRP_AREA",
                "T_GRP_BAD.json:6: $.groups[0].members[2]: member 'A1' appears twice in group B1",
                "T_GRP_BAD.json:7: $.groups[1].labels: needs an English (\"en\") label, the fallback for every language",
                "T_GRP_BAD.json:8: $.groups[2].code: 'A3' is already a code of codelist T_GRP_AREA; a group needs a code of its own, or geo=A3 would be ambiguous",
                "T_GRP_BAD.json:8: $.groups[2].validFrom: '2025-13-01' is not a date; write YYYY-MM-DD, or null for an open bound",
                "T_GRP_BAD.json:8: $.groups[2].members: expected a non-empty array of codes of T_GRP_AREA"), errors);
    }

    @Test
    void anUnknownCodelistAndBrokenJsonAreRefusedWithTheirLine() throws Exception {
        Path unknown = TestServer.file("T_GRP_NOLIST.json", """
                {"id": "T_GRP_NOLIST",
                 "codelist": "NO_SUCH_LIST", "labels": {"en": "x"}, "groups": [{"code": "G", "labels": {"en": "G"}, "members": ["A1"]}]}
                """);
        assertEquals(List.of("T_GRP_NOLIST.json:2: $.codelist: there is no codelist 'NO_SUCH_LIST'; define it first"), refused(unknown));
        Path broken = TestServer.file("T_GRP_BROKEN.json", "{\"id\": \"T_GRP_BROKEN\",\n \"groups\": [\n}\n");
        String error = refused(broken).get(0);
        assertTrue(error.startsWith("T_GRP_BROKEN.json:3: not valid JSON"), error);
    }

    @Test
    void reloadingAChangedGroupingMakesANewVersionAndKeepsTheOldOne() throws Exception {
        String v1 = """
                {"code": "G1", "labels": {"en": "G1"}, "validFrom": "2025-01-01", "validTo": null, "members": ["A1", "A2"]}""";
        GroupingStore.Loaded first = store.load(file("T_GRP_VERSIONS.json", v1));
        GroupingStore.Loaded same = store.load(file("T_GRP_VERSIONS.json", v1.replace(", ", ",  ")));
        GroupingStore.Loaded changed = store.load(file("T_GRP_VERSIONS.json", v1.replace("\"A1\", \"A2\"", "\"A1\", \"A2\", \"A3\"")));

        assertTrue(first.changed());
        assertFalse(same.changed(), "the same content, formatted differently, is no new version");
        assertEquals(first.version(), same.version());
        assertTrue(changed.changed());
        assertEquals(first.version() + 1, changed.version());
        int kept = TestDatabase.get().owner().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM published.grouping_member WHERE grouping_id = 'T_GRP_VERSIONS' AND version = :v")
                .bind("v", first.version()).mapTo(Integer.class).one());
        assertEquals(2, kept, "the first version's members stay stored");
        assertEquals("grouping T_GRP_VERSIONS version " + changed.version() + " over T_GRP_AREA: 1 groups, 3 members", changed.message());
    }

    @Test
    void aGroupCodeMayComeBackForAnotherPeriodButNotForAnOverlappingOne() throws Exception {
        GroupingStore.Loaded periods = store.load(file("T_GRP_PERIODS.json", """
                {"code": "P1", "labels": {"en": "P1"}, "validTo": "2024-12-31", "members": ["A1"]},
                {"code": "P1", "labels": {"en": "P1"}, "validFrom": "2025-01-01", "members": ["A1", "A2"]}"""));
        assertEquals("grouping T_GRP_PERIODS version " + periods.version() + " over T_GRP_AREA: 2 groups, 3 members", periods.message());
        List<String> errors = refused(file("T_GRP_OVERLAP.json", """
                {"code": "O1", "labels": {"en": "O1"}, "validFrom": "2024-01-01", "validTo": "2025-06-30", "members": ["A1"]},
                {"code": "O1", "labels": {"en": "O1"}, "validFrom": "2025-01-01", "members": ["A2"]}"""));
        assertEquals(List.of("T_GRP_OVERLAP.json:3: $.groups[1].validFrom: group 'O1' is already valid from 2024-01-01 to 2025-06-30; "
                + "a group code may appear again only for another period (validFrom..validTo must not overlap)"), errors);
    }

    @Test
    void aGroupCodeOfAnotherGroupingOverTheSameCodelistIsRefused() throws Exception {
        store.load(file("T_GRP_FIRST.json", """
                {"code": "SHARED", "labels": {"en": "S"}, "members": ["A1"]}"""));
        List<String> errors = refused(file("T_GRP_SECOND.json", """
                {"code": "SHARED", "labels": {"en": "S"}, "members": ["A2"]}"""));
        assertEquals(List.of("T_GRP_SECOND.json:2: $.groups[0].code: 'SHARED' is already a group of grouping T_GRP_FIRST over T_GRP_AREA"), errors);
    }
}
