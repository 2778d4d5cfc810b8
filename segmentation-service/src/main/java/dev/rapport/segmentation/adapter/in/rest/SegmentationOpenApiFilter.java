package dev.rapport.segmentation.adapter.in.rest;

import static dev.rapport.http.openapi.SchemaBounds.items;
import static dev.rapport.http.openapi.SchemaBounds.string;
import static dev.rapport.http.openapi.SchemaBounds.values;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/** The bounds annotations cannot state: list items and map values. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SegmentationOpenApiFilter implements OASFilter {

    /** Reasons are sentences the service writes from fixed templates and a few numbers, all far shorter. */
    static final int REASON_MAX = 200;
    /** A decimal amount with 2 places; a sum of purchases stays far below 10^30. */
    static final int AMOUNT_MAX = 40;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        items(schemas, "ChurnRisk", "reasons", string(REASON_MAX));
        items(schemas, "RelationshipLevel", "reasons", string(REASON_MAX));
        values(schemas, "RelationshipKpiGroup", "revenuePerSegment", string(AMOUNT_MAX));
    }
}
