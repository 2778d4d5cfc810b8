package dev.rapport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemDetailTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void extensionsAreTopLevelMembersAndEmptyOptionalsAreOmitted() throws Exception {
        ProblemDetail problem = ProblemDetail.of(409, ProblemTypes.CONFLICT, "Conflict", "duplicate email")
                .withExtension("existingCustomerId", "abc");

        JsonNode json = mapper.readTree(mapper.writeValueAsString(problem));

        assertThat(json.get("type").asText()).isEqualTo("https://rapport.dev/problems/conflict");
        assertThat(json.get("status").asInt()).isEqualTo(409);
        assertThat(json.get("existingCustomerId").asText()).isEqualTo("abc");
        assertThat(json.has("extensions")).isFalse();
        assertThat(json.has("errors")).isFalse();
        assertThat(json.has("instance")).isFalse();
    }

    @Test
    void validationProblemCarriesErrors() throws Exception {
        ProblemDetail problem = ProblemDetail.validation("1 field is invalid", List.of(new FieldError("email", "bad")));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(problem));

        assertThat(json.get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(json.get("type").asText()).isEqualTo(ProblemTypes.VALIDATION);
    }

    @Test
    void extensionMayNotShadowAStandardMember() {
        assertThatThrownBy(() -> new ProblemDetail(null, "t", 400, null, null, null, Map.of("status", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingTypeMeansAboutBlank() {
        assertThat(ProblemDetail.of(418, null, "Teapot", null).type()).isEqualTo("about:blank");
    }
}
