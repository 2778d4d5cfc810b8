package dev.rapport.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DomainProblemMapperTest {

    @Test
    void kernelExceptionsGetTheirStatusTypeAndFacts() {
        given().when().get("/probe/domain/invalid").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("points")).body("errors[0].message", equalTo("must be positive"));
        given().when().get("/probe/domain/not-found").then().statusCode(404)
                .body("title", equalTo("Loyalty account not found")).body("instance", equalTo("/probe/domain/not-found"));
        given().when().get("/probe/domain/conflict").then().statusCode(409)
                .body("type", equalTo("https://rapport.dev/problems/insufficient-points"))
                .body("available", equalTo(120));
        given().when().get("/probe/domain/rule").then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/effective-date-in-past"));
    }

    @Test
    void anUnknownDomainExceptionIsALogged500NotASilent400() {
        given().when().get("/probe/domain/other").then().statusCode(500).contentType("application/problem+json")
                .body("reference", notNullValue())
                .body("detail", not(containsString("unmapped")));
    }
}
