package org.lmobservatory.loader;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.lmobservatory.loader.DefinitionFiles.SuccessorDef;

import java.util.List;

/**
 * A codelist as the loader writes it: published.codelist, its codes and the successor steps between classification
 * versions. Labels, titles and notes travel as JSON text and are cast to jsonb in the statements.
 */
@UseClasspathSqlLocator
public interface CodelistDao {

    /** One code as stored. labels: JSON text; validIn: a text[] literal, or null for an unversioned code. */
    record CodeRow(String id, String parent, String level, String labels, int sort, String validIn) {
    }

    /** One code as read back; labels: JSON text. */
    record StoredCode(String id, String parent, String level, String labels, int sort) {
    }

    /** One step of a code from one classification version to the next. */
    record SuccessorStep(String code, String successor, String fromVersion, String toVersion, String kind) {
    }

    /** Creates the codelist or replaces its version, title and note. */
    @SqlUpdate
    void upsert(@Bind("id") String id, @Bind("version") String version, @Bind("title") String titleJson,
                @Bind("note") String noteJson);

    /** Creates the codelist or replaces its title only (a generated codelist has no version or note). */
    @SqlUpdate
    void upsertTitle(@Bind("id") String id, @Bind("title") String titleJson);

    @SqlQuery
    boolean exists(@Bind("id") String id);

    /** Rebuilds the search rows (published.dataset_search) of every dataset with a dimension of this codelist. */
    @SqlUpdate
    void refreshSearch(@Bind("id") String codelistId);

    @SqlUpdate
    void deleteCodes(@Bind("id") String codelistId);

    @SqlBatch
    void insertCodes(@Bind("list") String codelistId, @BindMethods List<CodeRow> codes);

    /** Adds codes or updates them in place, so codes missing from the list stay (older releases keep their labels). */
    @SqlBatch
    void upsertCodes(@Bind("list") String codelistId, @BindMethods List<CodeRow> codes);

    /** The stored codes in sort order. */
    @SqlQuery
    @RegisterConstructorMapper(StoredCode.class)
    List<StoredCode> codes(@Bind("id") String codelistId);

    @SqlUpdate
    void deleteSuccessors(@Bind("id") String codelistId);

    @SqlBatch
    void insertSuccessors(@Bind("list") String codelistId, @BindMethods List<SuccessorDef> successors);

    @SqlQuery
    @RegisterConstructorMapper(SuccessorStep.class)
    List<SuccessorStep> successors(@Bind("id") String codelistId);
}
