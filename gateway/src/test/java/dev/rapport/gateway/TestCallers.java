package dev.rapport.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Credentials and small helpers shared by the gateway tests. */
final class TestCallers {

    static final String ISSUER = "https://rapport.dev/local";
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private TestCallers() {
    }

    static Path keyDirectory() {
        return Path.of(ConfigProvider.getConfig().getValue("test.gateway.dir", String.class));
    }

    /** A token signed with the key pair DevKeys created for this test run. */
    static String token(String subject, String... roles) {
        return token(subject, ISSUER, Instant.now().plusSeconds(600), roles);
    }

    static String token(String subject, String issuer, Instant expiresAt, String... roles) {
        return token(subject, issuer, Instant.now().minusSeconds(5), expiresAt, roles);
    }

    static String token(String subject, String issuer, Instant issuedAt, Instant expiresAt, String... roles) {
        return Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(roles))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .sign(privateKey());
    }

    static RequestSpecification as(String role) {
        return RestAssured.given().header("Authorization", "Bearer " + token("test-" + role, role));
    }

    static RequestSpecification withKey(String presetKeyName) {
        return RestAssured.given().header("X-Api-Key", presetKey(presetKeyName));
    }

    static String presetKey(String name) {
        return ConfigProvider.getConfig().getValue("test.gateway.key." + name, String.class);
    }

    static String stubUrl(String upstream) {
        return ConfigProvider.getConfig().getValue("rapport.gateway.upstreams." + upstream + ".url", String.class);
    }

    /** GET on a stub's control path (not through the gateway); returns the body. */
    static String stubGet(String upstream, String path) {
        try {
            return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stubUrl(upstream) + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("stub " + upstream + " did not answer " + path, e);
        }
    }

    /** POST on a stub's control path; returns the status. */
    static int stubPost(String upstream, String path) {
        try {
            return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stubUrl(upstream) + path))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("stub " + upstream + " did not answer " + path, e);
        }
    }

    /** Registers a customer in the real customer-service through the gateway; returns its id. */
    static String createCustomer() {
        String email = "gw-" + UUID.randomUUID() + "@example.com";
        return as("crm-admin")
                .contentType(ContentType.JSON)
                .body("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"" + email
                        + "\",\"acquisitionChannel\":\"web-form\"}")
                .post("/api/customers")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Polls until the condition holds; fails with the message after 20 s. */
    static void eventually(String message, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(message, e);
            }
        }
        throw new AssertionError(message);
    }

    /** Where DevKeys keeps the signing key: beside the key directory, never inside it. */
    static Path signingKey() {
        Path dir = keyDirectory().toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + "-signing").resolve("jwt-private.pem");
    }

    private static PrivateKey privateKey() {
        try {
            String pem = Files.readString(signingKey());
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test private key", e);
        }
    }
}
