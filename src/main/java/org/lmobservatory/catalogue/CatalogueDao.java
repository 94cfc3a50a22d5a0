package org.lmobservatory.catalogue;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The published catalogue as stored: datasets with their dimensions, codelists with their codes and successor
 * steps. Rows come back as stored (labels, titles and notes as JSON text); {@link CatalogueRepository} makes them
 * the domain's records.
 */
@UseClasspathSqlLocator
interface CatalogueDao {

    record DatasetRow(String id, String title, String description, String theme, String[] keywords, String frequency,
                      String unitId, String unitLabel, int unitMultiplier, int decimals, String source, String licence,
                      String contact, String methodology, boolean demonstration, Long currentReleaseId,
                      Instant updatedAt, String measureDimension, java.time.LocalDate discontinuedOn, String successorId) {
    }

    record MeasureRow(String codeId, String kind, String unitId, String unitLabel, int unitMultiplier, int decimals,
                      String numerator, String denominator, BigDecimal scale, String codelistId) {
    }

    /** A code of a category measure at its stored position; labels as JSON text. */
    record CategoryRow(String measureCode, int position, String codeId, String parentId, String level, String labels, int sortOrder) {
    }

    record DimensionRow(String dimensionId, int position, String codelistId, String role, String label) {
    }

    record CodelistRow(String id, String version, String title, String note) {
    }

    /** validIn: null when the codelist is not versioned. */
    record CodeRow(String codeId, String parentId, String level, String labels, int sortOrder, String[] validIn) {
    }

    record SuccessorRow(String codeId, String successorId, String kind, String fromVersion, String toVersion) {
    }

    @SqlQuery
    List<String> datasetIds();

    /** Ids of the datasets matching every word, best match first (published.dataset_search). */
    @SqlQuery
    List<String> search(@Bind("words") String[] words);

    @SqlQuery
    @RegisterConstructorMapper(DatasetRow.class)
    Optional<DatasetRow> dataset(@Bind("id") String datasetId);

    /** In key order. */
    @SqlQuery
    @RegisterConstructorMapper(DimensionRow.class)
    List<DimensionRow> dimensions(@Bind("id") String datasetId);

    /** The measures of the dataset's measure dimension, in codelist order; empty for a dataset with one unit. */
    @SqlQuery
    @RegisterConstructorMapper(MeasureRow.class)
    List<MeasureRow> measures(@Bind("id") String datasetId);

    /** The codes of the dataset's category measures, by measure and position. */
    @SqlQuery
    @RegisterConstructorMapper(CategoryRow.class)
    List<CategoryRow> categories(@Bind("id") String datasetId);

    @SqlQuery
    List<String> codelistIds();

    @SqlQuery
    @RegisterConstructorMapper(CodelistRow.class)
    Optional<CodelistRow> codelist(@Bind("id") String codelistId);

    /** In sort order. */
    @SqlQuery
    @RegisterConstructorMapper(CodeRow.class)
    List<CodeRow> codes(@Bind("id") String codelistId);

    @SqlQuery
    @RegisterConstructorMapper(SuccessorRow.class)
    List<SuccessorRow> successors(@Bind("id") String codelistId);

    /** Codes at one key position (1-based, as PostgreSQL arrays count) among the release's series. */
    @SqlQuery
    List<String> codesInRelease(@Bind("release") long releaseId, @Bind("pos") int keyPosition);
}
