package org.lmobservatory.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiPropertyType;
import org.lmobservatory.disclosure.DisclosureView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Records as the API returns them (labels already resolved to the asked language). */
public final class ApiRecords {
    private ApiRecords() {
    }

    public record UnitView(String id, String label, int multiplier, int decimals) {
    }

    /** A code of the measure dimension with its own unit; numerator, denominator and scale only for ratios. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasureView(String code, String label,
                              @OpenApiDescription("count, ratio, mean, median, quantile or category: how the value was made and how it may be combined")
                              String kind, UnitView unit,
                              @OpenApiDescription("Ratios: the measure divided by the denominator; absent when the dataset does not publish it") String numerator,
                              @OpenApiDescription("Ratios: the measure the numerator is divided by; absent when the dataset does not publish it") String denominator,
                              @OpenApiDescription("Ratios: what the quotient is multiplied by, e.g. 100 for a percentage")
                              @OpenApiPropertyType(definedBy = Double.class) BigDecimal scale,
                              @OpenApiDescription("Category measures: the codelist whose codes the values are") String codelist,
                              @OpenApiDescription("Category measures: the codes in order, with labels") List<CodeView> categories) {
    }

    /** The dimension whose codes are measures, each with its own unit; the dataset's unit then applies to none of them. */
    public record MeasuresView(String dimension, List<MeasureView> measures) {
    }

    public record TimeCoverage(String start, String end, long periods) {
    }

    public record Links(String self, String observations, String csv) {
    }

    public record ReleaseView(long id, Instant publishedAt, long rowCount, String note) {
    }

    /** validIn and successors appear only for codes of versioned classifications such as NUTS. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeView(String id, String label, String parent, String level,
                           @OpenApiDescription("Classification versions the code belongs to, e.g. NUTS2016, NUTS2021 (versioned codelists only)")
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> validIn,
                           @OpenApiDescription("What became of the code in later versions (codes that changed only)")
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SuccessorView> successors) {
        public CodeView(String id, String label, String parent, String level) {
            this(id, label, parent, level, null, null);
        }
    }

    /** The code that replaced a code from version "to" on: kind is recode (one-to-one), split, merge or boundary. */
    public record SuccessorView(String id,
                                @OpenApiDescription("recode (same territory, new code: one-to-one), split, merge or boundary (a break in series)")
                                String kind,
                                @OpenApiDescription("Last version of the old code, e.g. NUTS2013") String from,
                                @OpenApiDescription("First version of the successor, e.g. NUTS2016") String to) {
    }

    public record DimensionView(String id, String label, String role, String codelist, List<CodeView> codes) {
    }

    /** A discontinued dataset: from when, and which dataset replaces it (absent when none was named). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LifecycleView(@OpenApiDescription("discontinued: no new releases after this date; active datasets have no lifecycle member") String status,
                                @OpenApiDescription("The date after which no release is expected, e.g. 2024-12-31") String discontinued,
                                @OpenApiDescription("Id of the dataset that replaces this one") String successor,
                                @OpenApiDescription("Metadata of the successor, /v1/datasets/{successor}") String successorLink) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetSummary(String id, String title, String description,
                                 @OpenApiDescription("Code of the theme in codelist THEME (GET /v1/codelists/THEME)") String theme,
                                 @OpenApiDescription("The theme's label in the asked language") String themeLabel,
                                 List<String> keywords,
                                 String frequency, UnitView unit, boolean demonstration, Instant lastUpdate,
                                 TimeCoverage timeCoverage, Links links,
                                 @OpenApiDescription("Present when the dataset is discontinued: since when and its successor")
                                 LifecycleView lifecycle) {
    }

    public record DatasetList(int count, List<DatasetSummary> datasets, List<String> warnings) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetMetadata(String id, String title, String description,
                                  @OpenApiDescription("Code of the theme in codelist THEME (GET /v1/codelists/THEME)") String theme,
                                  @OpenApiDescription("The theme's label in the asked language") String themeLabel,
                                  List<String> keywords,
                                  String frequency, UnitView unit, String source, String licence, String contact,
                                  String methodology, boolean demonstration, String language, ReleaseView release,
                                  TimeCoverage timeCoverage, List<DimensionView> dimensions, Links links,
                                  @OpenApiDescription("Disclosure control of the current release (thresholds, method, audit); absent when the dataset is published without it")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) DisclosureView disclosure,
                                  @OpenApiDescription("Datasets whose values have several units: the measure dimension and each measure's unit, decimals, multiplier and kind; absent when the dataset's unit applies to every value")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) MeasuresView measures,
                                  @OpenApiDescription("Present when the dataset is discontinued: since when and its successor")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) LifecycleView lifecycle) {
    }

    public record CodelistView(String id, String version, String title, String note, String language, List<String> levels,
                               int count, List<CodeView> codes,
                               @OpenApiDescription("Groupings users defined over this codelist (newest version of each): their group codes can be asked for as codes of a dimension with this codelist (geo=FI_TEA_UUSIMAA), and a grouping's id as geoLevel")
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GroupingView> groupings) {
    }

    /** A grouping of the codelist's codes, in its newest version (the one queries use), with its earlier versions. */
    public record GroupingView(String id, @OpenApiDescription("Counts the loads that changed the grouping; queries use the newest") int version,
                               String label, String description, Instant loadedAt,
                               @OpenApiDescription("The groups; a code listed more than once has several periods of validity, each with its own members: a period P aggregates the members of the code's period that contains P")
                               List<GroupView> groups,
                               @OpenApiDescription("Earlier versions, newest first, as they were loaded; kept so an answer once served can be explained, never used for values")
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GroupingVersionView> earlierVersions) {
    }

    /** An earlier version of a grouping. */
    public record GroupingVersionView(int version, Instant loadedAt, List<GroupView> groups) {
    }

    /** validFrom and validTo (inclusive; null: open) bound the periods the group's aggregates are computed for. */
    public record GroupView(String code, String label,
                            @OpenApiDescription("First day the group applies to (null: always)") LocalDate validFrom,
                            @OpenApiDescription("Last day the group applies to, inclusive (null: open)") LocalDate validTo,
                            List<String> members) {
    }
}
