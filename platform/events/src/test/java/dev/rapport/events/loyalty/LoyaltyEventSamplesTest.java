package dev.rapport.events.loyalty;

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

/** Every loyalty event type has a sample under samples/loyalty/ that round-trips through its record. */
class LoyaltyEventSamplesTest {

    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("points-earned.v1.json", PointsEarned.TYPE, PointsEarned.class),
                Arguments.of("points-redeemed.v1.json", PointsRedeemed.TYPE, PointsRedeemed.class),
                Arguments.of("points-reversed.v1.json", PointsReversed.TYPE, PointsReversed.class),
                Arguments.of("points-expired.v1.json", PointsExpired.TYPE, PointsExpired.class),
                Arguments.of("points-expiring.v1.json", PointsExpiring.TYPE, PointsExpiring.class),
                Arguments.of("tier-changed.v1.json", TierChanged.TYPE, TierChanged.class),
                Arguments.of("tier-downgrade-warning.v1.json", TierDowngradeWarning.TYPE, TierDowngradeWarning.class),
                Arguments.of("referral-completed.v1.json", ReferralCompleted.TYPE, ReferralCompleted.class),
                Arguments.of("referral-rejected.v1.json", ReferralRejected.TYPE, ReferralRejected.class),
                Arguments.of("reward-redeemed.v1.json", RewardRedeemed.TYPE, RewardRedeemed.class),
                Arguments.of("erasure-confirmed.v1.json", ErasureConfirmed.type("loyalty"), ErasureConfirmed.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleRoundTripsThroughItsRecord(String sample, String type, Class<?> dataType) throws IOException {
        byte[] original;
        try (InputStream in = LoyaltyEventSamplesTest.class.getResourceAsStream("/samples/loyalty/" + sample)) {
            assertNotNull(in, "missing sample " + sample);
            original = in.readAllBytes();
        }
        CloudEvent event = EventJson.parse(original);
        assertEquals(type, event.type());
        assertEquals(LoyaltyEvents.SOURCE, event.source());
        assertTrue(type.matches("rapport\\.loyalty\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"), type);

        Object data = event.dataAs(dataType);
        JsonNode rebuiltData = EventJson.mapper().valueToTree(data);
        assertTrue(event.data().equals(SAME_VALUE, rebuiltData),
                "record must carry every field of the sample's data: " + event.data() + " vs " + rebuiltData);
    }
}
