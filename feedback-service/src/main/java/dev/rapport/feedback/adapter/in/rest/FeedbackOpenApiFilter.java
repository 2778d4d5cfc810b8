package dev.rapport.feedback.adapter.in.rest;

import static dev.rapport.http.openapi.SchemaBounds.counts;
import static dev.rapport.http.openapi.SchemaBounds.items;
import static dev.rapport.http.openapi.SchemaBounds.property;
import static dev.rapport.http.openapi.SchemaBounds.string;
import static dev.rapport.http.openapi.SchemaBounds.values;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import dev.rapport.feedback.domain.feedback.TopicLexicon;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/** The bounds annotations cannot state: list items and map values. Every bound is the domain's. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class FeedbackOpenApiFilter implements OASFilter {

    /** Complaint categories and agents' teams are slugs: [a-z0-9][a-z0-9-]{0,49}. */
    static final int CATEGORY_MAX = 50;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        items(schemas, "Agent", "categories", string(CATEGORY_MAX));
        items(schemas, "AgentRequest", "categories", string(CATEGORY_MAX));
        items(schemas, "Feedback", "topics", string(TopicLexicon.NAME_MAX));
        items(schemas, "TextAnalysis", "topics", string(TopicLexicon.NAME_MAX));
        counts(schemas, "Kpis", "complaintsOpened", "complaintsResolved", "csatResponses", "feedbackCount", "npsResponses");
        // The KPIs' ranges (domain Kpis): sentiment -1..1, shares in percent, NPS -100..100; hours are
        // wall-clock durations of complaints, bounded by what a double holds exactly as a whole number.
        range(schemas, "averageSentiment", -1, 1);
        for (String percent : new String[] {"csat", "slaCompliancePercent", "answeredWithin24hPercent"}) {
            range(schemas, percent, 0, 100);
        }
        range(schemas, "nps", -100, 100);
        for (String hours : new String[] {"firstResponseHoursP50", "firstResponseHoursP90", "resolutionHoursP50",
                "resolutionHoursP90"}) {
            range(schemas, hours, 0, 9_007_199_254_740_991L);
        }
        counts(schemas, "SurveyResults", "count");
        counts(schemas, "Agent", "openComplaints");
        values(schemas, "SurveyResults", "distribution", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                .format("int64").minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Long.MAX_VALUE)));
    }

    private static void range(Map<String, Schema> schemas, String property, long minimum, long maximum) {
        Schema schema = property(schemas, "Kpis", property);
        if (schema != null) {
            schema.minimum(BigDecimal.valueOf(minimum)).maximum(BigDecimal.valueOf(maximum));
        }
    }
}
