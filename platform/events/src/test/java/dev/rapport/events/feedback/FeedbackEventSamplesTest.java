package dev.rapport.events.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.privacy.ErasureConfirmed;

/** Every feedback-service event type: its sample round-trips through its record without losing a field. */
class FeedbackEventSamplesTest {

    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isTextual() && b.isTextual()) {
            try {
                return java.time.Instant.parse(a.asText()).equals(java.time.Instant.parse(b.asText())) ? 0 : 1;
            } catch (java.time.DateTimeException e) {
                return 1;
            }
        }
        return 1;
    };

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("feedback-received", FeedbackReceived.TYPE, FeedbackReceived.class),
                Arguments.of("complaint-opened", ComplaintOpened.TYPE, ComplaintOpened.class),
                Arguments.of("complaint-assigned", ComplaintAssigned.TYPE, ComplaintAssigned.class),
                Arguments.of("complaint-first-response", ComplaintFirstResponse.TYPE, ComplaintFirstResponse.class),
                Arguments.of("complaint-resolved", ComplaintResolved.TYPE, ComplaintResolved.class),
                Arguments.of("complaint-reopened", ComplaintReopened.TYPE, ComplaintReopened.class),
                Arguments.of("complaint-sla-warning", ComplaintSlaWarning.TYPE, ComplaintSlaWarning.class),
                Arguments.of("complaint-sla-breached", ComplaintSlaBreached.TYPE, ComplaintSlaBreached.class),
                Arguments.of("survey-answered", SurveyAnswered.TYPE, SurveyAnswered.class),
                Arguments.of("survey-invitation-requested", SurveyInvitationRequested.TYPE, SurveyInvitationRequested.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void sampleRoundTripsThroughItsRecord(String name, String type, Class<?> dataType) throws IOException {
        byte[] original = read("feedback/" + name + ".v1.json");
        CloudEvent event = EventJson.parse(original);
        assertEquals(type, event.type());
        assertEquals("rapport.feedback." + name + ".v1", type);
        assertEquals(FeedbackEvents.SOURCE, event.source());
        JsonNode rebuilt = EventJson.mapper().valueToTree(event.dataAs(dataType));
        assertTrue(event.data().equals(SAME_VALUE, rebuilt), "record must carry every field: " + event.data() + " vs " + rebuilt);
        assertTrue(rebuilt.equals(SAME_VALUE, event.data()), "sample must show every field: " + rebuilt + " vs " + event.data());
    }

    @org.junit.jupiter.api.Test
    void erasureConfirmationOfFeedbackService() {
        assertEquals("rapport.feedback.erasure-confirmed.v1", ErasureConfirmed.type("feedback"));
    }

    private static byte[] read(String sample) throws IOException {
        try (InputStream in = FeedbackEventSamplesTest.class.getResourceAsStream("/samples/" + sample)) {
            assertNotNull(in, "missing sample " + sample);
            return in.readAllBytes();
        }
    }
}
