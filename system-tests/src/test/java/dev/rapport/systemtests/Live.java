package dev.rapport.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** What every system test shares: the stack, the live merged document, a checker, tokens and raw HTTP. */
public final class Live {

    private static Live instance;

    public final SystemStack stack;
    public final Http http;
    public final String mergedDocumentJson;
    public final OpenApiDocument document;
    public final ResponseChecker checker;
    public final Tokens tokens;
    public final String adminToken;

    private Live() {
        stack = SystemStack.get();
        http = new Http(stack.gatewayUrl());
        // The gateway fetches each service's document with a short timeout and retries every 30 s; on a
        // loaded machine a service's first document can miss the first round, so wait until every
        // service is in (the description lists those still missing).
        Http.Response doc = Await.until("the gateway's merged document with every service's operations", Duration.ofMinutes(2),
                () -> http.send("GET", "/q/openapi?format=json", Map.of("Accept", "application/json"), null),
                response -> response.status() == 200 && !response.body().contains("not reachable yet"));
        mergedDocumentJson = doc.body();
        document = OpenApiDocument.parse(mergedDocumentJson);
        checker = new ResponseChecker(document);
        tokens = new Tokens(stack.jwtPrivateKey());
        adminToken = tokens.forRoles("crm-admin");
        saveDocument();
    }

    public static synchronized Live get() {
        if (instance == null) {
            instance = new Live();
        }
        return instance;
    }

    /** The merged document as this run saw it, for the OpenAPI lint after the build. */
    private void saveDocument() {
        String out = System.getProperty("rapport.merged-openapi-out");
        if (out == null) {
            return;
        }
        try {
            Path path = Path.of(out);
            Files.createDirectories(path.getParent());
            Files.writeString(path, mergedDocumentJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new partner API key (./rapport apikey create), usable once the gateway has re-read its key
     * file. Rate class "internal" lifts the rate limit, for the thousands of requests of one test.
     */
    public String apiKey(String name, java.util.Collection<String> scopes, String rateClass) {
        String key = stack.rapport("apikey", "create", name, "--scopes", String.join(",", scopes), "--class", rateClass)
                .stream().filter(line -> line.startsWith("rk_")).findFirst()
                .orElseThrow(() -> new IllegalStateException("./rapport apikey create printed no key"));
        Await.until("the gateway to accept the new key " + name, () -> http.send("GET", "/api/loyalty/program",
                Map.of("X-Api-Key", key), null).status(), status -> status != 401);
        return key;
    }

    /** Every scope the document names. */
    public java.util.Set<String> allScopes() {
        java.util.Set<String> scopes = new java.util.TreeSet<>();
        document.operations().forEach(op -> scopes.addAll(op.accessScopes()));
        return scopes;
    }

    /** Sends as admin and checks the answer against the document. */
    public Http.Response admin(String method, String path, String json) {
        return checker.assertConforms(http.send(method, path, adminToken, json));
    }
}
