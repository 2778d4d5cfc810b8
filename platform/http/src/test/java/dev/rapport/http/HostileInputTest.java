package dev.rapport.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Input an attacker tries: every case is a 400 naming the field, never a 500 or a silently altered value. */
@QuarkusTest
class HostileInputTest {

    private static ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/probe/moments").then();
    }

    private static ValidatableResponse rejected(String json, String field) {
        return post(json).statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void wellFormedValuesPass() {
        post("""
                {"text":"caf\\u00e9 \\ud83d\\ude00","at":"2024-01-31T10:15:30Z","when":"9999-12-31T23:59:59+01:00",
                 "day":"0001-01-01","tags":["a"],"notes":{"k":"v"}}""")
                .statusCode(200).body("text", equalTo("café \uD83D\uDE00")).body("day", equalTo("0001-01-01"));
    }

    @Test
    void loneSurrogatesAndNulInTextAreRefusedWherever() {
        rejected("{\"text\":\"a\\ud800b\"}", "text")
                .body("errors[0].message", equalTo("must be valid Unicode text (a lone surrogate such as \\ud800 has no character)"));
        rejected("{\"text\":\"a\\udc00\"}", "text");
        rejected("{\"text\":\"a\\u0000b\"}", "text").body("errors[0].message", equalTo("must not contain NUL (U+0000)"));
        rejected("{\"tags\":[\"ok\",\"\\ud800\"]}", "tags[1]");
        rejected("{\"notes\":{\"k\":\"\\u0000\"}}", "notes.k");
        post("{\"notes\":{\"\\u0000\":\"v\"}}").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("notes"));
    }

    @Test
    void numbersAndArraysAreNotPointsInTime() {
        rejected("{\"day\":12345}", "day").body("errors[0].message", equalTo("must be a date (YYYY-MM-DD)"));
        rejected("{\"day\":[2024,1,31]}", "day");
        rejected("{\"at\":1700000000}", "at")
                .body("errors[0].message", equalTo("must be an ISO-8601 timestamp with offset (2024-01-31T10:15:30Z)"));
        rejected("{\"at\":1700000000.5}", "at");
        rejected("{\"when\":1700000000}", "when");
    }

    @Test
    void pointsInTimeBeyondYear9999AreRefused() {
        rejected("{\"at\":\"+999999999-12-31T23:59:59Z\"}", "at")
                .body("errors[0].message", equalTo("must be between years 0000 and 9999"));
        rejected("{\"at\":\"-000001-12-31T23:59:59Z\"}", "at");
        rejected("{\"when\":\"+10000-01-01T00:00:00Z\"}", "when");
        rejected("{\"day\":\"+10000-01-01\"}", "day");
    }

    @Test
    void aMatrixParameterDoesNotAddressTheResourceBeforeIt() {
        given().urlEncodingEnabled(false).put("/probe/things/abc;other").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("path"));
        given().urlEncodingEnabled(false).put("/probe/things/abc;other=1/").then().statusCode(400);
        given().urlEncodingEnabled(false).put("/probe/things/abc%3Bother").then().statusCode(200)
                .body("id", equalTo("abc;other"));
    }

    @Test
    void percentEncodingMustBeUtf8() {
        given().urlEncodingEnabled(false).put("/probe/things/%ff%fe").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("path"))
                .body("errors[0].message", equalTo("must be percent-encoded UTF-8"));
        given().urlEncodingEnabled(false).put("/probe/things/a?q=%ff").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().urlEncodingEnabled(false).put("/probe/things/a?q=%C3%A9+x").then().statusCode(200)
                .body("q", equalTo("é x"));
    }

    @Test
    void nulInPathOrQueryIsABadRequest() {
        given().urlEncodingEnabled(false).put("/probe/things/a?q=%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"))
                .body("errors[0].message", equalTo("must not contain NUL (U+0000)"));
        given().urlEncodingEnabled(false).put("/probe/things/a%00b").then().statusCode(400)
                .body("errors[0].field", equalTo("path"));
    }
}
