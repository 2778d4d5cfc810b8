package dev.rapport.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.http.mappers.DatabaseUnavailable;

@QuarkusTest
class DatabaseUnavailableTest {

    @ParameterizedTest
    @ValueSource(strings = {"refused", "shutting-down", "pool-timeout", "pool-exhausted", "transient"})
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfter(String failure) {
        given().when().post("/probe/database/" + failure)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .body("type", equalTo(DatabaseUnavailable.TYPE))
                .body("status", equalTo(503))
                .body("instance", equalTo("/probe/database/" + failure))
                .body(not(containsString("SQLException")))
                .body(not(containsString("localhost")));
    }

    @org.junit.jupiter.api.Test
    void anyOtherSqlErrorStaysAnInternalError() {
        given().when().post("/probe/database/syntax")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.nullValue())
                .body("type", equalTo(ProblemTypes.INTERNAL))
                .body(not(containsString("SELEC")));
    }
}
