package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bearer tokens as the identity provider would issue them, and the ones an attacker would try. */
public final class Tokens {

    public static final String ISSUER = "https://rapport.dev/local";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey devKey;
    private final PrivateKey otherKey;

    public Tokens(Path privateKeyPem) {
        try {
            String pem = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            devKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            otherKey = generator.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the development signing key " + privateKeyPem, e);
        }
    }

    /** A valid token for these roles, for one hour. */
    public String forRoles(String... roles) {
        long now = Instant.now().getEpochSecond();
        return signed(devKey, claims(List.of(roles), now - 5, now + 3600));
    }

    /** Signed by the right key but expired {@code secondsAgo} seconds ago. */
    public String expired(long secondsAgo, String role) {
        long now = Instant.now().getEpochSecond();
        return signed(devKey, claims(List.of(role), now - 3600, now - secondsAgo));
    }

    /** Well formed and current, signed by a key the gateway does not know. */
    public String signedByOtherKey(String role) {
        long now = Instant.now().getEpochSecond();
        return signed(otherKey, claims(List.of(role), now - 5, now + 3600));
    }

    /** {@code alg: none}, no signature: must never pass. */
    public String algNone(String role) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> header = Map.of("alg", "none", "typ", "JWT");
        return encode(header) + "." + encode(claims(List.of(role), now - 5, now + 3600)) + ".";
    }

    private static Map<String, Object> claims(List<String> roles, long issuedAt, long expires) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "system-test-" + roles.get(0));
        claims.put("upn", "system-test-" + roles.get(0));
        claims.put("groups", roles);
        claims.put("iat", issuedAt);
        claims.put("exp", expires);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private static String signed(PrivateKey key, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", "rapport-dev");
        String input = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + BASE64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> value) {
        try {
            return BASE64.encodeToString(JSON.writeValueAsBytes(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
