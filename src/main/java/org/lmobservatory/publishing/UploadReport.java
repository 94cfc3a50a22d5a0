package org.lmobservatory.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiPropertyType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The validation report of an upload, as the publisher API answers it (and again at GET …/uploads/{loadId}). */
public record UploadReport(
        @OpenApiDescription("The staging load; null when the file was identical to the current release's (status unchanged)") Long loadId,
        String datasetId,
        @OpenApiDescription("valid (can be published), invalid (see errors), published, unchanged (nothing to do), loading or failed") String status,
        @OpenApiDescription("The file name the errors refer to") String file,
        @OpenApiDescription("The input format, detected from the content unless given") String format,
        @OpenApiDescription("SHA-256 of the file, hex") String checksum,
        @OpenApiDescription("Valid rows staged") long rows,
        @OpenApiDescription("All errors found; at most 1000 are listed") int errorCount,
        @OpenApiDescription("The loader's errors as file:line: reason, in line order") List<String> errors,
        // Left out rather than null: OpenAPI 3.0 validators reject null for a nullable $ref (allOf) member.
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @OpenApiDescription("What publishing this load would change in the current release; absent unless status is valid") UploadChanges changes,
        @OpenApiDescription("The release this load became, once published") Long releaseId,
        String message) {

    /** Totals of every change, and the first of them (key and period order). */
    public record UploadChanges(long added, long removed, long revised, int sampleLimit, List<CellChange> sample) {
    }

    public record CellChange(
            @OpenApiDescription("added, removed or revised") String change,
            @OpenApiDescription("The cell's codes by dimension id") Map<String, String> key,
            @OpenApiDescription("First day of the period (ISO 8601 date)") String periodStart,
            @OpenApiDescription("The value in the current release; null for an added cell") @OpenApiPropertyType(definedBy = Double.class) BigDecimal oldValue,
            String oldFlags,
            @OpenApiDescription("The value in the file; null for a removed cell") @OpenApiPropertyType(definedBy = Double.class) BigDecimal newValue,
            String newFlags,
            @OpenApiDescription("Line of the file the new value is on") Integer line) {
    }
}
