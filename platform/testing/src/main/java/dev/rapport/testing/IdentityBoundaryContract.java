package dev.rapport.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rapport.http.identity.CallerIdentity;

/**
 * What every service promises at its boundary, inherited by one test class per service:
 *
 * <pre>{@code
 * @QuarkusTest
 * @TestProfile(IdentityRequiredProfile.class)
 * class IdentityBoundaryTest extends IdentityBoundaryContract {
 *     protected String protectedPath() { return "/loyalty/rewards"; }
 * }
 * }</pre>
 *
 * A direct call without a token, with a forged principal header, an expired token or an unsigned one
 * is refused with 401 problem+json; the gateway's token lets it through; health, metrics and OpenAPI
 * stay open.
 */
public abstract class IdentityBoundaryContract {

    /** A GET that answers 200 to an authorised caller, e.g. a list. */
    protected abstract String protectedPath();

    @Test
    void aDirectCallWithoutATokenIs401Problem() {
        given().when().get(protectedPath()).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aForgedPrincipalHeaderIsNotAnIdentity() {
        given().header("X-Rapport-Principal", "jwt:admin").when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void anExpiredOrUnsignedTokenIs401() {
        String expired = TestIdentity.token(new CallerIdentity("jwt:alice", Set.of("crm-admin"), Set.of()),
                Instant.now().minusSeconds(120), Duration.ofSeconds(60));
        given().header("Authorization", "Bearer " + expired).when().get(protectedPath()).then().statusCode(401);
        given().header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJqd3Q6YWRtaW4ifQ.")
                .when().get(protectedPath()).then().statusCode(401);
    }

    @Test
    void theGatewaysTokenLetsTheRequestThrough() {
        given().header("Authorization", TestIdentity.bearer("jwt:alice")).when().get(protectedPath())
                .then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
