package org.lmobservatory.loader;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

/** A dataset definition as the loader writes it: published.dataset and its dimensions in series-key order. */
@UseClasspathSqlLocator
interface DatasetDefinitionDao {

    /** The dataset's columns; the four label maps are JSON text. */
    record DatasetRow(String id, String title, String description, String theme, String[] keywords, String frequency,
                      String unitId, String unitLabel, int unitMultiplier, int decimals, String source, String licence,
                      String contact, String methodology, boolean demonstration, String measureDimension,
                      java.time.LocalDate discontinuedOn, String successor) {
    }

    /** One measure of the measure dimension; unitLabel is JSON text, scale null unless a ratio. */
    record MeasureRow(String code, String kind, String unitId, String unitLabel, int unitMultiplier, int decimals,
                      String numerator, String denominator, java.math.BigDecimal scale, int sortOrder, String codelist) {
    }

    /** A category measure's code at its stored position (1-based): observations store the position as their value. */
    record CategoryRow(String measureCode, int position, String codeId) {
    }

    /** One dimension at its position in the series key; label is JSON text. */
    record DimensionRow(int position, String id, String codelist, String role, String label) {
    }

    @SqlUpdate
    void upsert(@BindMethods DatasetRow dataset);

    /** Rebuilds the dataset's search rows (published.dataset_search): its titles, descriptions or keywords may have changed. */
    @SqlUpdate
    void refreshSearch(@Bind("id") String datasetId);

    @SqlUpdate
    void deleteDimensions(@Bind("id") String datasetId);

    @SqlBatch
    void insertDimensions(@Bind("ds") String datasetId, @BindMethods List<DimensionRow> dimensions);

    @SqlUpdate
    void deleteMeasures(@Bind("id") String datasetId);

    @SqlBatch
    void insertMeasures(@Bind("ds") String datasetId, @BindMethods List<MeasureRow> measures);

    /** The codes of a category measure in position order; empty before the first definition. */
    @SqlQuery
    List<String> categoryCodes(@Bind("ds") String datasetId, @Bind("measure") String measureCode);

    @SqlBatch
    void insertCategories(@Bind("ds") String datasetId, @BindMethods List<CategoryRow> categories);

    /** "dimension:codelist" for each stored dimension, in key order. */
    @SqlQuery
    List<String> dimensionSignature(@Bind("id") String datasetId);

    /** Whether a dataset of that id is defined. */
    @SqlQuery
    boolean exists(@Bind("id") String datasetId);

    /** Whether the dataset has any release: its series keys are then fixed. */
    @SqlQuery
    boolean isPublished(@Bind("id") String datasetId);
}
