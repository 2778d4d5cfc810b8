package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks a raw answer against the merged document: its status must be one the operation declares,
 * its content type one declared for that status, and its body must validate against that schema
 * (types, required properties, enums, formats, bounds). Generated clients coerce silently; this does not.
 */
public final class ResponseChecker {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private final OpenApiDocument document;
    private final Map<JsonNode, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final AtomicLong checked = new AtomicLong();

    public ResponseChecker(OpenApiDocument document) {
        this.document = document;
    }

    public long checkedCount() {
        return checked.get();
    }

    /** Every way the answer departs from the document; empty when it conforms. */
    public List<String> problems(Http.Response response) {
        List<String> problems = new ArrayList<>();
        Optional<OpenApiDocument.Operation> operation = document.match(response.method(), response.path());
        if (operation.isEmpty()) {
            problems.add("no operation in the document for " + response.method() + " " + response.path());
            return problems;
        }
        JsonNode responses = operation.get().node().path("responses");
        String status = Integer.toString(response.status());
        JsonNode declared = responses.get(status);
        if (declared == null) {
            declared = responses.get(status.charAt(0) + "XX");
        }
        if (declared == null) {
            declared = responses.get("default");
        }
        if (declared == null) {
            problems.add("status " + status + " is not declared for " + operation.get() + " (declared: "
                    + iterable(responses.fieldNames()) + ")");
            return problems;
        }
        declared = document.resolve(declared);
        JsonNode content = declared.path("content");
        String bodyText = response.body();
        if (content.isMissingNode() || content.isEmpty()) {
            if (!bodyText.isEmpty() && !response.method().equals("HEAD")) {
                problems.add("status " + status + " of " + operation.get() + " declares no body, but one came: " + abbreviate(bodyText));
            }
            checked.incrementAndGet();
            return problems;
        }
        String contentType = response.contentType().toLowerCase(Locale.ROOT);
        String mediaType = contentType.contains(";") ? contentType.substring(0, contentType.indexOf(';')).trim() : contentType.trim();
        JsonNode media = content.get(mediaType);
        if (media == null) {
            problems.add("content type '" + contentType + "' is not declared for " + status + " of " + operation.get()
                    + " (declared: " + iterable(content.fieldNames()) + ")");
            return problems;
        }
        if (!mediaType.contains("json")) {
            checked.incrementAndGet();
            return problems; // CSV, NDJSON and the like: the media type is what the document promises
        }
        JsonNode body;
        try {
            body = OpenApiDocument.JSON.readTree(bodyText);
        } catch (Exception e) {
            problems.add("body is not JSON although " + mediaType + " was declared: " + abbreviate(bodyText));
            return problems;
        }
        if (body == null || body.isMissingNode()) {
            if (!response.method().equals("HEAD")) {
                problems.add("empty body although " + mediaType + " was declared");
            }
            return problems;
        }
        JsonNode schema = media.path("schema");
        if (!schema.isMissingNode()) {
            problems.addAll(validate(schema, body));
        }
        checked.incrementAndGet();
        return problems;
    }

    /** Validation messages of {@code value} against a schema of the document. */
    public List<String> validate(JsonNode schema, JsonNode value) {
        JsonSchema compiledSchema = compiled.computeIfAbsent(schema,
                s -> FACTORY.getSchema(document.standalone(s), CONFIG));
        Set<ValidationMessage> messages = compiledSchema.validate(value);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Fails with every problem and the answer itself. */
    public Http.Response assertConforms(Http.Response response) {
        List<String> problems = problems(response);
        if (!problems.isEmpty() && Boolean.getBoolean("lenient")) {
            System.out.println("LENIENT " + problems + " " + response);
            return response;
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("answer not described by the merged OpenAPI document:\n  "
                    + String.join("\n  ", problems) + "\n  answer: " + response);
        }
        return response;
    }

    private static String iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
