package dev.rapport.loyalty.adapter.in.rest;

import static dev.rapport.http.openapi.SchemaBounds.items;
import static dev.rapport.http.openapi.SchemaBounds.string;
import static dev.rapport.http.openapi.SchemaBounds.values;

import java.math.BigDecimal;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import dev.rapport.loyalty.domain.program.TierRule;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/** The bounds annotations cannot state: list items and map values. Every bound is the domain's. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class LoyaltyOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        items(schemas, "ProgramTier", "perks", string(TierRule.PERK_MAX));
        items(schemas, "TierBenefits", "perks", string(TierRule.PERK_MAX));
        // Earn rates per currency, from 0 to 1000 points per unit like earnRate (ProgramRules).
        values(schemas, "ProgramVersion", "currencyRates", OASFactory.createSchema().addType(Schema.SchemaType.NUMBER)
                .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(1000)));
    }
}
