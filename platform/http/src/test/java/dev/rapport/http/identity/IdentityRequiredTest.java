package dev.rapport.http.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(IdentityRequiredTest.Required.class)
class IdentityRequiredTest {

    private static final Path KEYS = Path.of("target", "identity-required-test");

    /** Identity required, trusting a key pair written for this test. */
    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(KEYS);
                if (!Files.exists(KEYS.resolve("private.pem"))) {
                    KeyPair pair = IdentityKeys.generate();
                    Files.writeString(KEYS.resolve("private.pem"), IdentityKeys.pem(pair.getPrivate()));
                    Files.writeString(KEYS.resolve("public.pem"), IdentityKeys.pem(pair.getPublic()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("rapport.identity.required", "true",
                    "rapport.identity.public-key-location", "file:" + KEYS.resolve("public.pem").toAbsolutePath());
        }
    }

    private static String token(String principal, Instant issuedAt) {
        return IdentityTokens.sign(new CallerIdentity(principal, Set.of("crm-admin"), Set.of()),
                IdentityKeys.privateKey("file:" + KEYS.resolve("private.pem")), "rapport-gateway", "rapport-services",
                issuedAt, Duration.ofSeconds(60));
    }

    @Test
    void aDirectCallWithoutATokenIs401Problem() {
        given().when().get("/probe/caller").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", containsString("through the gateway"));
    }

    @Test
    void aForgedPrincipalHeaderIsNotAnIdentity() {
        given().header("X-Rapport-Principal", "jwt:mallory").when().get("/probe/caller").then().statusCode(401);
        given().header("X-Rapport-Principal", "jwt:mallory").header("Authorization", "Bearer " + token("jwt:alice", Instant.now()))
                .when().get("/probe/caller").then().statusCode(200).body("principal", equalTo("jwt:alice"));
    }

    @Test
    void aValidTokenLetsTheRequestThroughAndNamesTheCaller() {
        given().header("Authorization", "Bearer " + token("apikey:shop", Instant.now()))
                .when().get("/probe/caller").then().statusCode(200).body("principal", equalTo("apikey:shop"));
    }

    @Test
    void anExpiredForeignOrMalformedTokenIs401() {
        given().header("Authorization", "Bearer " + token("jwt:alice", Instant.now().minusSeconds(120)))
                .when().get("/probe/caller").then().statusCode(401).body("detail", containsString("expired"));
        String foreign = IdentityTokens.sign(new CallerIdentity("jwt:alice", Set.of(), Set.of()),
                IdentityKeys.generate().getPrivate(), "rapport-gateway", "rapport-services", Instant.now(), Duration.ofSeconds(60));
        given().header("Authorization", "Bearer " + foreign).when().get("/probe/caller").then().statusCode(401);
        given().header("Authorization", "Basic YWxpY2U6c2VjcmV0").when().get("/probe/caller").then().statusCode(401);
    }

    @Test
    void aProblemNamesThePathTheCallerUsedThroughTheGateway() {
        given().header("Authorization", "Bearer " + token("jwt:alice", Instant.now())).header("X-Forwarded-Prefix", "/api")
                .when().get("/probe/domain/not-found").then().statusCode(404)
                .body("instance", equalTo("/api/probe/domain/not-found"));
        given().header("Authorization", "Bearer " + token("jwt:alice", Instant.now()))
                .when().get("/probe/domain/not-found").then().statusCode(404)
                .body("instance", equalTo("/probe/domain/not-found"));
        given().header("Authorization", "Bearer " + token("jwt:alice", Instant.now())).header("X-Forwarded-Prefix", "/x?y")
                .when().get("/probe/domain/not-found").then().body("instance", equalTo("/probe/domain/not-found"));
    }
}
