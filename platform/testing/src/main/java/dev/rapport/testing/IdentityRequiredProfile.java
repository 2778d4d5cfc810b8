package dev.rapport.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A service as production runs it: every request needs the gateway's identity token. */
public class IdentityRequiredProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rapport.identity.required", "true");
    }
}
