package dev.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker itself: a kept document passes, and each kind of broken promise is found and named. */
class OpenApiContractTest {

    private static final String KEPT = """
            {"openapi": "3.1.0",
             "paths": {"/things/{id}": {
               "parameters": [{"name": "id", "in": "path", "schema": {"type": "string", "maxLength": 36}, "example": "t-1"}],
               "get": {"summary": "One thing",
                 "responses": {
                   "200": {"description": "Found", "content": {"application/json": {
                      "schema": {"$ref": "#/components/schemas/Thing"},
                      "examples": {"thing": {"value": {"name": "tea", "count": 2, "tags": ["a"]}}}}}},
                   "204": {"description": "Nothing"},
                   "404": {"$ref": "#/components/responses/NotFound"}}}}},
             "components": {
               "responses": {"NotFound": {"description": "Not found", "content": {"application/problem+json": {
                  "schema": {"type": "object", "properties": {"status": {"type": "integer", "format": "int32", "minimum": 100, "maximum": 599}}}}}}},
               "schemas": {"Thing": {"type": "object", "required": ["name"],
                 "properties": {
                   "name": {"type": "string", "maxLength": 10},
                   "kind": {"type": "string", "enum": ["a", "b"]},
                   "count": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
                   "tags": {"type": "array", "maxItems": 5, "items": {"type": "string", "maxLength": 3}}},
                 "example": "{\\"name\\": \\"jam\\"}"}}}}
            """;

    @Test
    void aKeptDocumentHasNoViolations() {
        OpenApiContract contract = OpenApiContract.of(KEPT);
        assertThat(contract.violations()).isEmpty();
        assertThat(contract.operations()).containsExactly("get /things/{id}");
    }

    @Test
    void aMissingSummaryIsNamed() {
        assertThat(OpenApiContract.of(KEPT.replace("\"summary\": \"One thing\",", "")).violations())
                .containsExactly("get /things/{id}: no summary");
    }

    @Test
    void aResponseWithoutSchemaIsNamed() {
        assertThat(OpenApiContract.of(KEPT.replace("\"404\": {\"$ref\": \"#/components/responses/NotFound\"}",
                "\"404\": {\"description\": \"Not found\"}")).violations())
                .containsExactly("get /things/{id} 404: no content");
    }

    @Test
    void unboundedStringsNumbersAndArraysAreNamed() {
        assertThat(OpenApiContract.of(KEPT.replace("\"type\": \"string\", \"maxLength\": 10", "\"type\": \"string\""))
                .violations()).containsExactly("#/components/schemas/Thing/properties/name: string without maxLength");
        assertThat(OpenApiContract.of(KEPT.replace("\"minimum\": 0, \"maximum\": 100", "\"minimum\": 0")).violations())
                .containsExactly("#/components/schemas/Thing/properties/count: integer without minimum and maximum");
        assertThat(OpenApiContract.of(KEPT.replace("\"maxItems\": 5, ", "")).violations())
                .containsExactly("#/components/schemas/Thing/properties/tags: array without maxItems");
    }

    @Test
    void examplesThatContradictTheirSchemaAreNamed() {
        assertThat(OpenApiContract.of(KEPT.replace("\"count\": 2", "\"count\": 200")).violations()).singleElement()
                .asString().contains("examples/thing", "count = 200 is above maximum 100");
        assertThat(OpenApiContract.of(KEPT.replace("\"name\": \"tea\", ", "")).violations()).singleElement()
                .asString().contains("lacks required name");
        assertThat(OpenApiContract.of(KEPT.replace("\"tags\": [\"a\"]", "\"tags\": [\"long\"]")).violations())
                .singleElement().asString().contains("tags[0] is longer than maxLength 3");
        assertThat(OpenApiContract.of(KEPT.replace("\"example\": \"t-1\"", "\"example\": 7")).violations())
                .singleElement().asString().contains("parameters/0/example", "is integer, the schema says [string]");
        assertThat(OpenApiContract.of(KEPT.replace("{\\\"name\\\": \\\"jam\\\"}", "{\\\"name\\\": \\\"marmalade jar\\\"}"))
                .violations()).singleElement().asString().contains("schemas/Thing/example", "maxLength 10");
    }
}
