package dev.rapport.events.segmentation;

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

/** segmentation-service's event samples round-trip through their records, as the customer samples do. */
class SegmentationSamplesRoundTripTest {

    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("segmentation/segment-changed.v1.json", SegmentChanged.TYPE, SegmentChanged.class),
                Arguments.of("segmentation/abc-class-changed.v1.json", AbcClassChanged.TYPE, AbcClassChanged.class),
                Arguments.of("segmentation/lifecycle-stage-changed.v1.json", LifecycleStageChanged.TYPE,
                        LifecycleStageChanged.class),
                Arguments.of("segmentation/churn-risk-raised.v1.json", ChurnRiskRaised.TYPE, ChurnRiskRaised.class),
                Arguments.of("segmentation/relationship-level-changed.v1.json", RelationshipLevelChanged.TYPE,
                        RelationshipLevelChanged.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void sampleRoundTripsThroughItsRecord(String sample, String type, Class<?> dataType) throws IOException {
        byte[] original = read(sample);
        CloudEvent event = EventJson.parse(original);
        assertEquals(type, event.type());
        assertEquals(SegmentationEvents.SOURCE, event.source());
        assertTrue(type.matches("rapport\\.segmentation\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"), type);

        JsonNode rebuiltData = EventJson.mapper().valueToTree(event.dataAs(dataType));
        assertTrue(event.data().equals(SAME_VALUE, rebuiltData),
                "record must carry every field of the sample's data: " + event.data() + " vs " + rebuiltData);
        CloudEvent rebuilt = new CloudEvent(event.specversion(), event.id(), event.source(), event.type(),
                event.subject(), event.time(), event.datacontenttype(), rebuiltData);
        assertTrue(EventJson.mapper().readTree(original).equals(SAME_VALUE,
                EventJson.mapper().readTree(EventJson.toBytes(rebuilt))));
    }

    private static byte[] read(String sample) throws IOException {
        try (InputStream in = SegmentationSamplesRoundTripTest.class.getResourceAsStream("/samples/" + sample)) {
            assertNotNull(in, "missing sample " + sample);
            return in.readAllBytes();
        }
    }
}
