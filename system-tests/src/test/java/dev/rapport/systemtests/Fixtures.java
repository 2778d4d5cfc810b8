package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** One existing resource of each kind, so bad input reaches an operation's validation rather than its 404. */
final class Fixtures {

    final String run = Long.toString(System.nanoTime(), 36);
    final Map<String, String> ids = new HashMap<>();

    Fixtures(Live live) {
        String customer = id(live.admin("POST", "/api/customers", """
                {"externalId":"FIX-%s","firstName":"Fixture","lastName":"Person","email":"fixture.%s@example.org"}"""
                .formatted(run, run)));
        ids.put("customer", customer);
        live.admin("POST", "/api/customers/" + customer + "/purchases", """
                {"orderId":"FIX-%s","currency":"GBP","lines":[{"sku":"A","quantity":1,"unitPrice":"1.00"}]}""".formatted(run));
        ids.put("order", "FIX-" + run);
        ids.put("externalId", "FIX-" + run);
        ids.put("followUp", id(live.admin("POST", "/api/customers/" + customer + "/follow-ups",
                "{\"title\":\"Call back\",\"owner\":\"sam\",\"dueDate\":\"2030-01-01\"}")));
        ids.put("agent", id(live.admin("POST", "/api/complaints/agents",
                "{\"name\":\"Fix Agent\",\"team\":\"fixture-desk\",\"categories\":[\"fixture\"],\"maxOpen\":5}")));
        ids.put("complaint", id(live.admin("POST", "/api/complaints", """
                {"customerId":"%s","channel":"email","category":"fixture","subject":"Fixture","description":"Fixture"}"""
                .formatted(customer))));
        ids.put("survey", id(live.admin("POST", "/api/surveys",
                "{\"type\":\"CSAT\",\"question\":\"How was it?\",\"channel\":\"email\"}")));
        ids.put("feedback", id(live.admin("POST", "/api/feedback", """
                {"customerId":"%s","channel":"review","text":"Fine","rating":4}""".formatted(customer))));
        ids.put("reward", id(live.admin("POST", "/api/loyalty/rewards", "{\"name\":\"Fixture mug\",\"pointsCost\":100}")));
        ids.put("import", id(live.checker.assertConforms(live.http.send("POST", "/api/imports?format=csv&mapping="
                        + java.net.URLEncoder.encode("{\"externalId\":\"id\"}", java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + live.adminToken, "Content-Type", "text/csv"),
                ("id\nFIXIMP-" + run + "\n").getBytes()))));
        ids.put("job", id(live.admin("POST", "/api/segments/recompute",
                "{\"asOf\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}")));
    }

    /** The value for a path parameter of an operation. */
    String pathValue(String template, String name, JsonNode schema) {
        String first = template.split("/")[2];
        switch (name) {
            case "customerId", "survivorId":
                return ids.get("customer");
            case "orderId":
                return ids.get("order");
            case "externalId":
                return ids.get("externalId");
            case "rewardId":
                return ids.get("reward");
            case "month":
                return "2026-01";
            default:
                break;
        }
        if (name.equals("id")) {
            if (template.startsWith("/api/complaints/agents")) {
                return ids.get("agent");
            }
            return switch (first) {
                case "customers" -> ids.get("customer");
                case "complaints" -> ids.get("complaint");
                case "surveys" -> ids.get("survey");
                case "follow-ups" -> ids.get("followUp");
                case "imports" -> ids.get("import");
                case "feedback" -> ids.get("feedback");
                case "segments" -> ids.get("job");
                default -> UUID.randomUUID().toString();
            };
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        return "web-form";
    }

    static boolean isIdParameter(String name) {
        return name.equals("id") || name.endsWith("Id") && !name.equals("externalId");
    }

    private static String id(Http.Response response) {
        if (response.status() >= 300) {
            throw new AssertionError("fixture not created: " + response);
        }
        try {
            JsonNode body = OpenApiDocument.JSON.readTree(response.body());
            return body.path("id").asText();
        } catch (Exception e) {
            throw new AssertionError("fixture answer not JSON: " + response, e);
        }
    }
}
