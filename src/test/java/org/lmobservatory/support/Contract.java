package org.lmobservatory.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

/** The committed OpenAPI document as a REST Assured filter: a response that breaks the contract fails the test. */
public final class Contract {
    private static OpenApiValidationFilter filter;

    private Contract() {
    }

    public static synchronized OpenApiValidationFilter filter() {
        if (filter == null) {
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForSpecificationUrl("openapi/openapi.json")
                    // Tests send malformed requests on purpose; only the responses are held to the contract.
                    .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                    .build();
            filter = new OpenApiValidationFilter(validator);
        }
        return filter;
    }
}
