package dev.rapport.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
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
}
