package dev.rapport.customer.adapter.in.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.Tag;
import dev.rapport.customer.domain.importing.ImportMapping;
import dev.rapport.customer.domain.privacy.ServiceName;
import dev.rapport.customer.domain.purchase.PurchaseLine;

/**
 * What the annotations on the REST records cannot say: the bounds of list items and map values
 * (tags, preferences, attributes, service names, import mappings and counters), the values of the
 * duplicate reasons, that a unit price may be sent as a decimal string or a JSON number, and that
 * the NDJSON example is text (SmallRye would parse its first line as a JSON object). Every bound is
 * the domain's.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CustomerOpenApiFilter implements OASFilter {

    /** Jackson refuses a number (a textual one too) longer than this (StreamReadConstraints). */
    static final int NUMBER_MAX_LENGTH = 1000;
    private static final String LONG_MAX = "9223372036854775807";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (String customer : List.of("Customer", "CreateCustomerRequest")) {
            items(schemas, customer, "tags", string(Tag.MAX_LENGTH));
            values(schemas, customer, "preferences", string(CustomerProfile.PREFERENCE_VALUE_MAX));
            values(schemas, customer, "attributes", string(CustomerProfile.ATTRIBUTE_VALUE_MAX));
        }
        items(schemas, "CustomerMergePatch", "tags", string(Tag.MAX_LENGTH));
        values(schemas, "CustomerMergePatch", "preferences",
                string(CustomerProfile.PREFERENCE_VALUE_MAX).addType(SchemaType.NULL));
        values(schemas, "CustomerMergePatch", "attributes",
                string(CustomerProfile.ATTRIBUTE_VALUE_MAX).addType(SchemaType.NULL));
        Schema reasons = property(schemas, "Duplicate", "reasons");
        if (reasons != null) {
            reasons.enumeration(null);
            reasons.items(OASFactory.createSchema().addType(SchemaType.STRING)
                    .enumeration(List.<Object>of("email", "phone", "name-and-company")));
        }
        items(schemas, "Erasure", "requiredServices", string(ServiceName.MAX_LENGTH));
        items(schemas, "Erasure", "pending", string(ServiceName.MAX_LENGTH));
        values(schemas, "ImportJob", "mapping", string(ImportMapping.MAX_SOURCE_NAME));
        values(schemas, "ImportJob", "skipCounts", OASFactory.createSchema().addType(SchemaType.INTEGER)
                .format("int64").minimum(BigDecimal.ZERO).maximum(new BigDecimal(LONG_MAX)));
        Schema unitPrice = property(schemas, "PurchaseLineRequest", "unitPrice");
        if (unitPrice != null) {
            unitPrice.type(List.of(SchemaType.STRING, SchemaType.NUMBER)).maxLength(NUMBER_MAX_LENGTH)
                    .minimum(BigDecimal.ZERO).maximum(PurchaseLine.MAX_UNIT_PRICE);
        }
        ndjsonExampleAsText(openAPI);
        mergedAndErasedCustomers(openAPI);
    }

    /**
     * Every operation on one customer answers 308 when that customer was merged into another and
     * 410 when it was erased (DomainExceptionMapper), whatever the resource documents itself.
     */
    private static void mergedAndErasedCustomers(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.matches("/customers/\\{[A-Za-z]+}(/.*)?") || item.getOperations() == null) {
                return;
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                if (!operation.getResponses().hasAPIResponse("308")) {
                    operation.getResponses().addAPIResponse("308", problem(
                            "The customer was merged: Location names the same request on the survivor")
                            .addHeader("Location", OASFactory.createHeader().description("Same URL with the survivor's id")
                                    .schema(OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference")
                                            .maxLength(OpenApiBounds.LOCATION_MAX_LENGTH))));
                }
                if (!operation.getResponses().hasAPIResponse("410")) {
                    operation.getResponses().addAPIResponse("410", problem("The customer was erased"));
                }
            }
        });
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(dev.rapport.http.ProblemDetail.PROBLEM_JSON, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/ProblemDetail"))));
    }

    private static void ndjsonExampleAsText(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItem("/imports") == null) {
            return;
        }
        Operation post = openAPI.getPaths().getPathItem("/imports").getPOST();
        if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
            return;
        }
        MediaType ndjson = post.getRequestBody().getContent().getMediaType("application/x-ndjson");
        if (ndjson != null && ndjson.getExamples() != null && ndjson.getExamples().get("ndjson") != null) {
            ndjson.getExamples().get("ndjson").setValue(ApiExamples.IMPORT_NDJSON);
        }
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(SchemaType.STRING).maxLength(maxLength);
    }

    private static Schema property(Map<String, Schema> schemas, String schema, String property) {
        Schema owner = schemas.get(schema);
        return owner == null || owner.getProperties() == null ? null : owner.getProperties().get(property);
    }

    private static void items(Map<String, Schema> schemas, String schema, String property, Schema items) {
        Schema array = property(schemas, schema, property);
        if (array != null) {
            array.items(items);
        }
    }

    private static void values(Map<String, Schema> schemas, String schema, String property, Schema values) {
        Schema map = property(schemas, schema, property);
        if (map != null) {
            map.additionalPropertiesSchema(values);
        }
    }
}
