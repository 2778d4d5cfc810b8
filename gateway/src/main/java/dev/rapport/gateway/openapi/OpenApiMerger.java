package dev.rapport.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.gateway.routing.GatewayRoute;
import dev.rapport.gateway.routing.RouteTable;
import dev.rapport.gateway.routing.Upstream;
import dev.rapport.gateway.security.RoutePolicy;

/**
 * Merges the upstream services' OpenAPI documents (JSON trees) into the one document partners
 * see. Pure: same input, same output.
 *
 * <ul>
 * <li>Paths: only those a gateway route serves, prefixed with /api (/customers/{id} becomes
 * /api/customers/{id}); the gateway's own paths (the customer overview) are added.</li>
 * <li>Components: merged by section and name. A name defined differently by two services is
 * renamed in each of them to {@code <upstream>_<Name>} and every $ref is rewritten; identical
 * definitions are shared.</li>
 * <li>Security: the bearer (JWT) and apiKey (X-Api-Key) schemes are declared and required at
 * the top level; per operation, {@code x-rapport-access} lists the roles and scopes from
 * {@link RoutePolicy}; 401, 403 and 429 are always the gateway's own responses (it authenticates,
 * authorises and rate-limits every call), and its 502-504 (413 for operations with a body) are
 * added where the service did not document them.</li>
 * <li>CORS: the gateway answers it, so every response, the shared ones in components.responses
 * included, names the {@code Access-Control-Allow-Origin} header.</li>
 * <li>Servers: one relative entry, the gateway that serves the document.</li>
 * <li>Shared responses and headers nothing refers to any more are dropped.</li>
 * </ul>
 */
public final class OpenApiMerger {

    static final String BEARER_SCHEME = "bearerAuth";
    static final String API_KEY_SCHEME = "apiKeyAuth";
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String COMPONENT_REF = "#/components/";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    /** "https://" + a DNS name (at most 253 characters) + ":65535". */
    static final int ORIGIN_MAX_LENGTH = 8 + 253 + 6;

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final ObjectNode gatewayDocument;

    /** {@code gatewayDocument}: the gateway's own paths and components (gateway-openapi.json). */
    public OpenApiMerger(ObjectNode gatewayDocument) {
        this.gatewayDocument = gatewayDocument;
    }

    /** What is known about one upstream: its last document (null if never fetched) and whether it answered lately. */
    public record Source(Upstream upstream, JsonNode document, boolean reachable) {
    }

    public ObjectNode merge(List<Source> sources, String version) {
        ObjectNode merged = nodes.objectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Rapport API");
        info.put("version", version);
        info.put("description", description(sources));
        ObjectNode server = merged.putArray("servers").addObject();
        server.put("url", "/");
        server.put("description", "The gateway serving this document, whichever environment it runs in "
                + "(local, staging or production); every path starts with /api");
        server.put("x-internal", false);
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");

        List<Source> documented = sources.stream().filter(source -> source.document() != null).toList();
        Map<Upstream, Map<String, String>> renames = planRenames(documented);
        Set<String> tagNames = new HashSet<>();
        Set<String> operationIds = new HashSet<>();

        for (Source source : documented) {
            JsonNode document = source.document().deepCopy();
            rewriteRefs(document, renames.get(source.upstream()));
            copyComponents(document.path("components"), components, renames.get(source.upstream()));
            copyTags(document.path("tags"), tags, tagNames);
            document.path("paths").properties().forEach(entry -> {
                String upstreamPath = entry.getKey();
                if (RouteTable.forUpstreamPath(source.upstream(), upstreamPath).isEmpty()
                        || !entry.getValue().isObject()) {
                    return;
                }
                String publicPath = GatewayRoute.PUBLIC_PREFIX + upstreamPath;
                ObjectNode pathItem = (ObjectNode) entry.getValue();
                decorateOperations(publicPath, pathItem, source.upstream(), operationIds);
                paths.set(publicPath, pathItem);
            });
        }

        // The gateway's own paths and components last: they win over a service's same-named path.
        copyComponents(gatewayDocument.path("components"), components, Map.of());
        copyTags(gatewayDocument.path("tags"), tags, tagNames);
        gatewayDocument.path("paths").properties().forEach(entry -> {
            ObjectNode pathItem = entry.getValue().deepCopy();
            decorateOperations(entry.getKey(), pathItem, null, operationIds);
            paths.set(entry.getKey(), pathItem);
        });

        ObjectNode schemes = components.withObjectProperty("securitySchemes");
        schemes.removeAll();
        ObjectNode bearer = schemes.putObject(BEARER_SCHEME);
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put("description", "A JWT (RFC 7519) from the identity provider, verified as RFC8725 "
                + "(JSON Web Token Best Current Practices) asks: the signature must verify with the configured "
                + "public key and algorithm (RS256; unsigned \"none\" tokens are refused), the issuer must match "
                + "and the token must not have expired. Its groups claim carries the roles crm-admin, crm-agent "
                + "or crm-analyst.");
        ObjectNode apiKey = schemes.putObject(API_KEY_SCHEME);
        apiKey.put("type", "apiKey");
        apiKey.put("in", "header");
        apiKey.put("name", "X-Api-Key");
        apiKey.put("description", "A partner API key; its scopes (customers:read, purchases:write, ...) decide access.");
        ArrayNode security = merged.putArray("security");
        security.addObject().putArray(BEARER_SCHEME);
        security.addObject().putArray(API_KEY_SCHEME);
        declareAllowOrigin(components, paths);
        dropUnreferenced(merged, components);
        sortFields(paths);
        return merged;
    }

    /**
     * Drops the shared responses and headers nothing refers to any more: a service's 401, 403 and 429
     * once the gateway's replaced them, and the headers only those used.
     */
    private static void dropUnreferenced(ObjectNode merged, ObjectNode components) {
        boolean dropped = true;
        while (dropped) {
            Set<String> referenced = new HashSet<>();
            collectRefs(merged, referenced);
            dropped = false;
            for (String section : List.of("responses", "headers")) {
                JsonNode named = components.path(section);
                if (!named.isObject()) {
                    continue;
                }
                List<String> unused = new ArrayList<>();
                named.fieldNames().forEachRemaining(name -> {
                    if (!referenced.contains(COMPONENT_REF + section + "/" + name)) {
                        unused.add(name);
                    }
                });
                if (section.equals("headers")) {
                    unused.remove(ALLOW_ORIGIN);
                }
                ((ObjectNode) named).remove(unused);
                dropped |= !unused.isEmpty();
            }
        }
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(ref.asText());
            }
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    /** Declares Access-Control-Allow-Origin once and names it on every response, shared ones included. */
    private void declareAllowOrigin(ObjectNode components, ObjectNode paths) {
        ObjectNode header = nodes.objectNode();
        header.put("description", "The request's Origin, when it is one of the browser origins the gateway allows "
                + "(CORS_ORIGINS); absent when the request has no Origin or another one");
        ObjectNode schema = header.putObject("schema");
        schema.put("type", "string");
        schema.put("format", "uri");
        schema.put("maxLength", ORIGIN_MAX_LENGTH);
        components.withObjectProperty("headers").set(ALLOW_ORIGIN, header);
        List<JsonNode> responseSets = new ArrayList<>();
        paths.elements().forEachRemaining(pathItem -> pathItem.properties().forEach(field -> {
            if (HTTP_METHODS.contains(field.getKey())) {
                responseSets.add(field.getValue().path("responses"));
            }
        }));
        responseSets.add(components.path("responses"));
        for (JsonNode responses : responseSets) {
            responses.elements().forEachRemaining(response -> {
                if (response.isObject() && !response.has("$ref")) {
                    ((ObjectNode) response).withObjectProperty("headers").putObject(ALLOW_ORIGIN)
                            .put("$ref", COMPONENT_REF + "headers/" + ALLOW_ORIGIN);
                }
            });
        }
    }

    private String description(List<Source> sources) {
        StringBuilder text = new StringBuilder("One API for every Rapport service, served by the gateway. "
                + "Authenticate with a bearer JWT (frontends) or an X-Api-Key (partners); "
                + "x-rapport-access on each operation lists the roles and scopes it accepts. "
                + "Every /api response carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset.\n\nServices:");
        for (Source source : sources) {
            text.append("\n- ").append(source.upstream().serviceName()).append(": ")
                    .append(source.document() == null ? "not reachable yet, its operations are missing"
                            : source.reachable() ? "up" : "not reachable, last known operations shown");
        }
        return text.toString();
    }

    /** Decides, per upstream, which component names must be prefixed because another service defines them differently. */
    private Map<Upstream, Map<String, String>> planRenames(List<Source> sources) {
        // section/name -> (upstream -> definition)
        Map<String, Map<Upstream, JsonNode>> definitions = new LinkedHashMap<>();
        for (Source source : sources) {
            source.document().path("components").properties().forEach(section -> {
                if (section.getKey().equals("securitySchemes") || !section.getValue().isObject()) {
                    return;
                }
                section.getValue().properties().forEach(component -> definitions
                        .computeIfAbsent(section.getKey() + "/" + component.getKey(), key -> new LinkedHashMap<>())
                        .put(source.upstream(), component.getValue()));
            });
        }
        Set<String> gatewayOwned = new HashSet<>();
        gatewayDocument.path("components").properties().forEach(section -> section.getValue().fieldNames()
                .forEachRemaining(name -> gatewayOwned.add(section.getKey() + "/" + name)));

        Map<Upstream, Map<String, String>> renames = new HashMap<>();
        sources.forEach(source -> renames.put(source.upstream(), new HashMap<>()));
        definitions.forEach((key, byUpstream) -> {
            boolean clash = gatewayOwned.contains(key)
                    || byUpstream.values().stream().distinct().count() > 1;
            if (clash) {
                String name = key.substring(key.indexOf('/') + 1);
                byUpstream.keySet().forEach(upstream ->
                        renames.get(upstream).put(key, upstream.id() + "_" + name));
            }
        });
        return renames;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames == null || renames.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(COMPONENT_REF)) {
                String key = ref.asText().substring(COMPONENT_REF.length());
                String renamed = renames.get(key);
                if (renamed != null) {
                    object.put("$ref", COMPONENT_REF + key.substring(0, key.indexOf('/') + 1) + renamed);
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static void copyComponents(JsonNode from, ObjectNode to, Map<String, String> renames) {
        from.properties().forEach(section -> {
            if (section.getKey().equals("securitySchemes") || !section.getValue().isObject()) {
                return;
            }
            ObjectNode target = to.with(section.getKey());
            section.getValue().properties().forEach(component -> {
                String name = renames.getOrDefault(section.getKey() + "/" + component.getKey(), component.getKey());
                target.set(name, component.getValue());
            });
        });
    }

    private static void copyTags(JsonNode from, ArrayNode to, Set<String> seen) {
        from.elements().forEachRemaining(tag -> {
            String name = tag.path("name").asText(null);
            if (name != null && seen.add(name)) {
                to.add(tag);
            }
        });
    }

    private void decorateOperations(String publicPath, ObjectNode pathItem, Upstream upstream, Set<String> operationIds) {
        List<String> methods = new ArrayList<>();
        pathItem.properties().forEach(field -> {
            if (HTTP_METHODS.contains(field.getKey()) && field.getValue().isObject()) {
                methods.add(field.getKey());
            }
        });
        for (String method : methods) {
            ObjectNode operation = (ObjectNode) pathItem.get(method);
            // The gateway enforces security; a service's own scheme means nothing to a partner.
            operation.remove("security");
            String operationId = operation.path("operationId").asText(null);
            if (operationId != null && !operationIds.add(operationId) && upstream != null) {
                String unique = upstream.id() + "_" + operationId;
                operation.put("operationId", unique);
                operationIds.add(unique);
            }
            RoutePolicy.Access access = RoutePolicy.requiredAccess(method.toUpperCase(java.util.Locale.ROOT), publicPath);
            ObjectNode accessNode = operation.putObject("x-rapport-access");
            ArrayNode roles = accessNode.putArray("roles");
            access.rolesWithAdmin().forEach(roles::add);
            ArrayNode scopes = accessNode.putArray("scopes");
            access.scopes().forEach(scopes::add);
            ObjectNode responses = operation.withObjectProperty("responses");
            // The gateway authenticates, authorises and rate-limits every call itself: these are its answers,
            // whatever a service documents for them.
            responses.putObject("401").put("$ref", COMPONENT_REF + "responses/GatewayUnauthorized");
            responses.putObject("403").put("$ref", COMPONENT_REF + "responses/GatewayForbidden");
            responses.putObject("429").put("$ref", COMPONENT_REF + "responses/GatewayTooManyRequests");
            if (operation.has("requestBody")) {
                addResponse(responses, "413", "GatewayPayloadTooLarge");
            }
            if (upstream != null) {
                addResponse(responses, "502", "GatewayBadGateway");
                addResponse(responses, "503", "GatewayUnavailable");
                addResponse(responses, "504", "GatewayTimeout");
            }
        }
    }

    private void addResponse(ObjectNode responses, String status, String component) {
        if (!responses.has(status)) {
            responses.putObject(status).put("$ref", COMPONENT_REF + "responses/" + component);
        }
    }

    private static void sortFields(ObjectNode object) {
        Map<String, JsonNode> sorted = new java.util.TreeMap<>();
        object.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        object.removeAll();
        sorted.forEach(object::set);
    }
}
