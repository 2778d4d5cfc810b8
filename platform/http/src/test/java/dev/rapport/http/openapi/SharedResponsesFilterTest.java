package dev.rapport.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class SharedResponsesFilterTest {

    private static OpenAPI document(Operation get, Operation post) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things", OASFactory.createPathItem().GET(get).POST(post)));
    }

    private static Operation operation(String ownCode) {
        return OASFactory.createOperation().summary("op").responses(OASFactory.createAPIResponses()
                .addAPIResponse(ownCode, OASFactory.createAPIResponse().description("own")));
    }

    @Test
    void everyOperationGainsTheSharedProblemResponsesItDoesNotDocumentItself() {
        Operation get = operation("200");
        Operation post = operation("201").requestBody(OASFactory.createRequestBody());
        OpenAPI openAPI = document(get, post);

        new SharedResponsesFilter().filterOpenAPI(openAPI);

        assertThat(get.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "403", "406", "429", "500");
        assertThat(post.getResponses().getAPIResponses()).containsKeys("201", "415");
        assertThat(get.getResponses().getAPIResponse("401").getRef()).isEqualTo("#/components/responses/Unauthorized");
        assertThat(openAPI.getComponents().getResponses()).containsKeys("BadRequest", "TooManyRequests", "InternalServerError");
        APIResponse tooMany = openAPI.getComponents().getResponses().get("TooManyRequests");
        assertThat(tooMany.getHeaders()).containsKeys("Retry-After", "RateLimit-Limit", "X-Request-Id");
        assertThat(tooMany.getContent().getMediaType("application/problem+json").getSchema().getRef())
                .isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void anOperationsOwnResponsesKeepTheirContentAndGainTheRateLimitHeaders() {
        Operation get = operation("400");
        OpenAPI openAPI = document(get, null);

        new SharedResponsesFilter().filterOpenAPI(openAPI);

        APIResponse own = get.getResponses().getAPIResponse("400");
        assertThat(own.getDescription()).isEqualTo("own");
        assertThat(own.getRef()).isNull();
        assertThat(own.getHeaders()).containsOnlyKeys("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Request-Id");
        assertThat(own.getHeaders().get("RateLimit-Reset").getRef()).isEqualTo("#/components/headers/RateLimit-Reset");
        assertThat(openAPI.getComponents().getHeaders().get("RateLimit-Limit").getSchema().getMaximum()).isNotNull();
    }

    @Test
    void anErrorResponseDocumentedWithoutContentIsDeclaredAsTheProblemItIs() {
        Operation get = operation("409");
        OpenAPI openAPI = document(get, null);

        new SharedResponsesFilter().filterOpenAPI(openAPI);

        assertThat(get.getResponses().getAPIResponse("409").getContent().getMediaType("application/problem+json")
                .getSchema().getRef()).isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void integerHeadersDeclareTheirFormat() {
        OpenAPI openAPI = document(operation("200"), null);

        new SharedResponsesFilter().filterOpenAPI(openAPI);

        openAPI.getComponents().getHeaders().forEach((name, header) -> {
            if (header.getSchema().getType().contains(Schema.SchemaType.INTEGER)) {
                assertThat(header.getSchema().getFormat()).as(name).isEqualTo("int32");
                assertThat(header.getSchema().getMinimum()).as(name).isNotNull();
            }
        });
    }

    @Test
    void theJavaTypeSchemasAndTheStringsReferringToThemAreBounded() {
        OpenAPI openAPI = document(operation("200"), null).components(OASFactory.createComponents()
                .addSchema("UUID", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"))
                .addSchema("Instant", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time"))
                .addSchema("LocalDate", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date"))
                .addSchema("Thing", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .addProperty("id", OASFactory.createSchema().ref("#/components/schemas/UUID")
                                .addType(Schema.SchemaType.STRING).description("annotated"))
                        .addProperty("closedAt", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .addType(Schema.SchemaType.NULL).anyOf(List.of(
                                        OASFactory.createSchema().ref("#/components/schemas/Instant"),
                                        OASFactory.createSchema().addType(Schema.SchemaType.NULL))))
                        .addProperty("name", OASFactory.createSchema().addType(Schema.SchemaType.STRING))));

        new SharedResponsesFilter().filterOpenAPI(openAPI);

        var schemas = openAPI.getComponents().getSchemas();
        assertThat(schemas.get("UUID").getMaxLength()).isEqualTo(36);
        assertThat(schemas.get("Instant").getMaxLength()).isEqualTo(SharedResponsesFilter.DATE_TIME_MAX_LENGTH);
        assertThat(schemas.get("LocalDate").getMaxLength()).isEqualTo(SharedResponsesFilter.DATE_MAX_LENGTH);
        assertThat(schemas.get("Thing").getProperties().get("id").getMaxLength()).isEqualTo(36);
        assertThat(schemas.get("Thing").getProperties().get("closedAt").getMaxLength())
                .isEqualTo(SharedResponsesFilter.DATE_TIME_MAX_LENGTH);
        assertThat(schemas.get("Thing").getProperties().get("name").getMaxLength())
                .as("no bound is invented for a string of no known format").isNull();
    }
}
