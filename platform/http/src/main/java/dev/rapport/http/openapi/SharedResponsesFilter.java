package dev.rapport.http.openapi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemTypes;

/**
 * Documents once what every operation of every service can answer, so a resource documents only its
 * own responses: 400, 401, 403, 406, 415 (operations with a body), 429 and 500 as problem+json, and
 * the {@code RateLimit-*} and {@code X-Request-Id} headers on every response. Registered per service
 * with {@code mp.openapi.filter=dev.rapport.http.openapi.SharedResponsesFilter}.
 *
 * <p>It also bounds the schemas SmallRye generates for {@link java.util.UUID}, {@link java.time.Instant}
 * and {@link java.time.LocalDate} (components UUID, Instant, LocalDate), and every string property
 * that refers to one of them (SmallRye writes {@code type: string} beside the {@code $ref} of an
 * annotated field): their length is fixed by the format, so a service need not repeat it on every field.
 */
public class SharedResponsesFilter implements OASFilter {

    static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    static final String RATE_LIMIT_RESET = "RateLimit-Reset";
    static final String REQUEST_ID = "X-Request-Id";
    static final String RETRY_AFTER = "Retry-After";
    static final String PROBLEM_SCHEMA = "ProblemDetail";
    /** The canonical 8-4-4-4-12 form; {@code UUID.fromString} refuses anything longer. */
    static final int UUID_MAX_LENGTH = 36;
    /**
     * An ISO-8601 instant or offset date-time as java.time parses it: at most
     * "+1000000000-12-31T23:59:59.999999999+18:00:00" (45 characters); 64 leaves room.
     */
    static final int DATE_TIME_MAX_LENGTH = 64;
    /** An ISO-8601 date as java.time parses it: at most "+999999999-12-31" (16 characters); 32 leaves room. */
    static final int DATE_MAX_LENGTH = 32;
    /** A Location the services build: their own path and ids, far below this. */
    static final int LOCATION_MAX_LENGTH = 2048;
    private static final Map<String, Map.Entry<String, Integer>> JAVA_TYPE_SCHEMAS = Map.of(
            "UUID", Map.entry("uuid", UUID_MAX_LENGTH),
            "Instant", Map.entry("date-time", DATE_TIME_MAX_LENGTH),
            "LocalDate", Map.entry("date", DATE_MAX_LENGTH));

    private record Shared(String code, String component, String description, String type, String title,
                          String detail, boolean bodyOnly) {
    }

    private static final List<Shared> SHARED = List.of(
            new Shared("400", "BadRequest", "Malformed or invalid request: the errors list names each field",
                    "validation",
                    "Invalid request", "limit must be an integer from 1 to 100", false),
            new Shared("401", "Unauthorized", "No valid credentials: a bearer JWT or an API key through the gateway",
                    "unauthorized",
                    "Unauthorized", "A valid bearer token is required", false),
            new Shared("403", "Forbidden", "The caller's roles or scopes do not allow this operation",
                    "forbidden",
                    "Forbidden", "This operation needs one of the roles crm-admin, crm-agent", false),
            new Shared("406", "NotAcceptable", "The Accept header names no media type this operation produces",
                    "not-acceptable",
                    "Not acceptable", "This operation produces application/json", false),
            new Shared("415", "UnsupportedMediaType", "The request body's Content-Type is not one this operation reads",
                    "unsupported-media-type",
                    "Unsupported media type", "Send the body as application/json", true),
            new Shared("429", "TooManyRequests", "Rate limit exceeded: retry after Retry-After seconds",
                    "rate-limited",
                    "Too many requests", "Rate limit of 50 requests per second exceeded", false),
            new Shared("500", "InternalServerError", "Unexpected error; quote the reference when reporting it",
                    "internal",
                    "Internal server error", "The request could not be completed because of an unexpected error; "
                            + "quote reference 3f1c2a9e-1b7d-4c55-9a51-0d7f7c1e2b44 when reporting it", false));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        addHeaders(components);
        boundJavaTypeSchemas(components);
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(SharedResponsesFilter::byFormatDeep);
        }
        for (Shared shared : SHARED) {
            if (components.getResponses() == null || !components.getResponses().containsKey(shared.component())) {
                components.addResponse(shared.component(), response(shared));
            }
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem pathItem : openAPI.getPaths().getPathItems().values()) {
            if (pathItem.getOperations() == null) {
                continue;
            }
            for (Operation operation : pathItem.getOperations().values()) {
                decorate(operation);
                typeParameters(operation);
            }
        }
    }

    private static void decorate(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        // Shared answers first: a bare one of theirs is replaced, not given a body of its own below.
        boolean readsBody = operation.getRequestBody() != null;
        for (Shared shared : SHARED) {
            if (shared.bodyOnly() && !readsBody) {
                continue;
            }
            // Also replaces a bare answer without content, such as the 400 SmallRye adds by itself to an
            // operation with validated parameters: every error is documented as problem+json.
            if (!responses.hasAPIResponse(shared.code()) || bare(responses.getAPIResponse(shared.code()))) {
                responses.addAPIResponse(shared.code(),
                        OASFactory.createAPIResponse().ref("#/components/responses/" + shared.component()));
            }
        }
        for (Map.Entry<String, APIResponse> entry : new LinkedHashMap<>(responses.getAPIResponses() == null
                ? Map.<String, APIResponse>of() : responses.getAPIResponses()).entrySet()) {
            APIResponse response = entry.getValue();
            if (response.getRef() == null) {
                addStandardHeaders(response, "429".equals(entry.getKey()));
                problemBodyIfNone(entry.getKey(), response);
            }
        }
    }

    private static boolean bare(APIResponse response) {
        return response.getRef() == null && (response.getContent() == null
                || response.getContent().getMediaTypes() == null || response.getContent().getMediaTypes().isEmpty());
    }

    /**
     * An error response a resource documents with a description only is still answered with a
     * problem+json body (the exception mappers write one): say so, or clients and checkers are told
     * to expect no body.
     */
    private static void problemBodyIfNone(String code, APIResponse response) {
        boolean error = code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
        if (!error || response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        response.content(OASFactory.createContent().addMediaType(ProblemDetail.PROBLEM_JSON, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    /**
     * Path, query and header parameters as the Java types behind them say: a UUID, instant or date
     * parameter is a string of that format and length, an int or long one an integer of that size,
     * and a Location header a URL of at most {@value #LOCATION_MAX_LENGTH} characters.
     */
    private static void typeParameters(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> byFormat(parameter.getSchema()));
        }
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getHeaders() == null) {
                continue;
            }
            response.getHeaders().forEach((name, header) -> {
                Schema schema = header.getSchema();
                if (schema != null && name.equalsIgnoreCase("Location") && schema.getMaxLength() == null) {
                    schema.maxLength(LOCATION_MAX_LENGTH);
                }
            });
        }
    }

    private static void byFormatDeep(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        byFormat(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(SharedResponsesFilter::byFormatDeep);
        }
        if (schema.getItems() != null) {
            byFormatDeep(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            byFormatDeep(schema.getAdditionalPropertiesSchema());
        }
    }

    static void byFormat(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        String format = schema.getFormat();
        if ((schema.getType() == null || schema.getType().isEmpty()) && schema.getMaxLength() != null) {
            schema.addType(Schema.SchemaType.STRING); // only strings have a length
        }
        Integer length = format == null ? null : switch (format) {
            case "uuid" -> UUID_MAX_LENGTH;
            case "date-time" -> DATE_TIME_MAX_LENGTH;
            case "date" -> DATE_MAX_LENGTH;
            default -> null;
        };
        if (length != null) {
            if (schema.getType() == null || schema.getType().isEmpty()) {
                schema.addType(Schema.SchemaType.STRING);
            }
            if (schema.getMaxLength() == null) {
                schema.maxLength(length);
            }
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.INTEGER) && format == null) {
            boolean fitsInt = schema.getMaximum() != null
                    && schema.getMaximum().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                    && (schema.getMinimum() == null
                    || schema.getMinimum().compareTo(java.math.BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0);
            schema.format(fitsInt ? "int32" : "int64");
        }
        byFormat(schema.getItems());
    }

    private static void addHeaders(Components components) {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(RATE_LIMIT_LIMIT, integerHeader("Requests allowed in the current window", 0, 1_000_000));
        headers.put(RATE_LIMIT_REMAINING, integerHeader("Requests left in the current window", 0, 1_000_000));
        headers.put(RATE_LIMIT_RESET, integerHeader("Seconds until the window resets", 0, 86_400));
        headers.put(RETRY_AFTER, integerHeader("Seconds to wait before retrying", 0, 86_400));
        headers.put(REQUEST_ID, OASFactory.createHeader()
                .description("The request's id, also in the logs; echoed when the client sent one")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(128)
                        .pattern("^[A-Za-z0-9._:-]{1,128}$")));
        headers.forEach((name, header) -> {
            if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
                components.addHeader(name, header);
            }
        });
    }

    private static Header integerHeader(String description, int min, int max) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max)));
    }

    private static void boundJavaTypeSchemas(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        Map<String, Integer> bounded = new LinkedHashMap<>();
        JAVA_TYPE_SCHEMAS.forEach((name, formatAndLength) -> {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && formatAndLength.getKey().equals(schema.getFormat())) {
                if (schema.getMaxLength() == null) {
                    schema.maxLength(formatAndLength.getValue());
                }
                bounded.put("#/components/schemas/" + name, schema.getMaxLength());
            }
        });
        components.getSchemas().values().forEach(schema -> boundReferences(schema, bounded));
    }

    /** A string schema that refers (directly or through anyOf/oneOf) to a bounded java-type schema gets its bound. */
    private static void boundReferences(Schema schema, Map<String, Integer> bounded) {
        if (schema == null) {
            return;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)
                && schema.getMaxLength() == null) {
            Integer bound = bounded.get(schema.getRef());
            for (List<Schema> alternatives : Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
                if (bound == null && alternatives != null) {
                    bound = alternatives.stream().map(alternative -> bounded.get(alternative.getRef()))
                            .filter(Objects::nonNull).findFirst().orElse(null);
                }
            }
            if (bound != null) {
                schema.maxLength(bound);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> boundReferences(property, bounded));
        }
        boundReferences(schema.getItems(), bounded);
        boundReferences(schema.getAdditionalPropertiesSchema(), bounded);
    }

    private static void addStandardHeaders(APIResponse response, boolean tooManyRequests) {
        for (String name : tooManyRequests
                ? List.of(RATE_LIMIT_LIMIT, RATE_LIMIT_REMAINING, RATE_LIMIT_RESET, REQUEST_ID, RETRY_AFTER)
                : List.of(RATE_LIMIT_LIMIT, RATE_LIMIT_REMAINING, RATE_LIMIT_RESET, REQUEST_ID)) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
            }
        }
    }

    private static APIResponse response(Shared shared) {
        APIResponse response = OASFactory.createAPIResponse().description(shared.description());
        addStandardHeaders(response, "429".equals(shared.code()));
        Example example = OASFactory.createExample().value(Map.of(
                "type", ProblemTypes.of(shared.type()),
                "title", shared.title(),
                "status", Integer.parseInt(shared.code()),
                "detail", shared.detail(),
                "instance", "/customers"));
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_SCHEMA))
                .addExample(shared.type(), example);
        Content content = OASFactory.createContent().addMediaType(ProblemDetail.PROBLEM_JSON, problem);
        return response.content(content);
    }
}
