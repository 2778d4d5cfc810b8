package dev.rapport.http.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The token the gateway hands each upstream request: a compact JWS signed with Ed25519 ({@code alg}
 * EdDSA, RFC 8037), short-lived, naming the caller. Only EdDSA is accepted: a token that names another
 * algorithm (or {@code none}) is refused before any key is used, so the algorithm cannot be chosen by
 * whoever forges the token (RFC 8725 §2.1).
 */
public final class IdentityTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString(
            "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final int MAX_TOKEN_LENGTH = 8192;

    private IdentityTokens() {
    }

    /** A token for {@code caller}, valid from {@code now} for {@code ttl}. */
    public static String sign(CallerIdentity caller, PrivateKey key, String issuer, String audience,
                              Instant now, Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", caller.principal());
        claims.put("groups", new TreeSet<>(caller.roles()));
        claims.put("scope", String.join(" ", new TreeSet<>(caller.scopes())));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String signingInput = HEADER + "." + ENCODER.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(signature.sign());
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot sign an identity token", e);
        }
    }

    /**
     * The caller a token names, after checking its algorithm, signature, issuer, audience and
     * lifetime ({@code skew} of tolerance for clocks that differ).
     *
     * @throws InvalidIdentityException saying what is wrong, in words safe to show the caller
     */
    public static CallerIdentity verify(String token, PublicKey key, String issuer, String audience,
                                        Instant now, Duration skew) {
        return verifyUntil(token, key, issuer, audience, now, skew).caller();
    }

    /** A verified token's caller and the second its lifetime ends ({@code exp}). */
    public record Verified(CallerIdentity caller, long expiresAtSecond) {
    }

    /** As {@link #verify}, also saying until when the token is valid. */
    public static Verified verifyUntil(String token, PublicKey key, String issuer, String audience,
                                       Instant now, Duration skew) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidIdentityException("the token is missing or too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidIdentityException("the token is not a compact JWS");
        }
        JsonNode header = json(parts[0]);
        if (!"EdDSA".equals(header.path("alg").asText())) {
            throw new InvalidIdentityException("the token's algorithm is not EdDSA");
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(DECODER.decode(parts[2]))) {
                throw new InvalidIdentityException("the token's signature is not the gateway's");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidIdentityException("the token's signature is not the gateway's");
        }
        JsonNode claims = json(parts[1]);
        if (!issuer.equals(claims.path("iss").asText(null))) {
            throw new InvalidIdentityException("the token was not issued by " + issuer);
        }
        if (!audienceMatches(claims.path("aud"), audience)) {
            throw new InvalidIdentityException("the token is not meant for " + audience);
        }
        if (!claims.path("exp").canConvertToLong() || !claims.path("iat").canConvertToLong()) {
            throw new InvalidIdentityException("the token has no lifetime");
        }
        long nowSecond = now.getEpochSecond();
        if (nowSecond > claims.path("exp").asLong() + skew.toSeconds()) {
            throw new InvalidIdentityException("the token has expired");
        }
        if (claims.path("iat").asLong() > nowSecond + skew.toSeconds()) {
            throw new InvalidIdentityException("the token was issued in the future");
        }
        String subject = claims.path("sub").asText("");
        if (subject.isBlank() || subject.length() > 200) {
            throw new InvalidIdentityException("the token names no caller");
        }
        Set<String> roles = new LinkedHashSet<>();
        claims.path("groups").forEach(role -> roles.add(role.asText()));
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : claims.path("scope").asText("").split(" ")) {
            if (!scope.isBlank()) {
                scopes.add(scope);
            }
        }
        return new Verified(new CallerIdentity(subject, roles, scopes), claims.path("exp").asLong());
    }

    private static boolean audienceMatches(JsonNode aud, String audience) {
        if (aud.isTextual()) {
            return audience.equals(aud.asText());
        }
        for (JsonNode one : aud) {
            if (audience.equals(one.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = JSON.readTree(DECODER.decode(part));
            if (node == null || !node.isObject()) {
                throw new InvalidIdentityException("the token is not a compact JWS");
            }
            return node;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidIdentityException("the token is not a compact JWS");
        }
    }
}
