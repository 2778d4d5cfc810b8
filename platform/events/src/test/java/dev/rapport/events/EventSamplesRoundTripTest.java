package dev.rapport.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.events.customer.ConsentChanged;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.CustomerUpdated;
import dev.rapport.events.customer.InteractionLogged;
import dev.rapport.events.customer.CustomersMerged;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;
import dev.rapport.events.feedback.ComplaintAssigned;
import dev.rapport.events.feedback.ComplaintFirstResponse;
import dev.rapport.events.feedback.ComplaintOpened;
import dev.rapport.events.feedback.ComplaintReopened;
import dev.rapport.events.feedback.ComplaintResolved;
import dev.rapport.events.feedback.ComplaintSlaBreached;
import dev.rapport.events.feedback.ComplaintSlaWarning;
import dev.rapport.events.feedback.FeedbackReceived;
import dev.rapport.events.feedback.SurveyAnswered;
import dev.rapport.events.feedback.SurveyInvitationRequested;
import dev.rapport.events.feedback.FeedbackEvents;
import dev.rapport.events.loyalty.LoyaltyEvents;
import dev.rapport.events.loyalty.PointsAdjusted;
import dev.rapport.events.loyalty.PointsEarned;
import dev.rapport.events.loyalty.PointsExpired;
import dev.rapport.events.loyalty.PointsExpiring;
import dev.rapport.events.loyalty.PointsRedeemed;
import dev.rapport.events.loyalty.PointsReversed;
import dev.rapport.events.loyalty.ReferralCompleted;
import dev.rapport.events.loyalty.ReferralRejected;
import dev.rapport.events.loyalty.RewardRedeemed;
import dev.rapport.events.loyalty.TierChanged;
import dev.rapport.events.loyalty.TierDowngradeWarning;
import dev.rapport.events.privacy.ErasureConfirmed;
import dev.rapport.events.segmentation.AbcClassChanged;
import dev.rapport.events.segmentation.ChurnRiskRaised;
import dev.rapport.events.segmentation.LifecycleStageChanged;
import dev.rapport.events.segmentation.RelationshipLevelChanged;
import dev.rapport.events.segmentation.SegmentChanged;
import dev.rapport.events.segmentation.SegmentationEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type of every producer has a sample document, and sample -> record -> JSON loses nothing. */
class EventSamplesRoundTripTest {

    /** JSON equality where 2 (int) equals 2 (long): the wire format has only "number". */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static Stream<Arguments> samples() {
        String customer = CustomerEvents.SOURCE;
        String loyalty = LoyaltyEvents.SOURCE;
        String segmentation = SegmentationEvents.SOURCE;
        String feedback = FeedbackEvents.SOURCE;
        return Stream.of(
                Arguments.of("customer/customer-registered.v1.json", CustomerRegistered.TYPE, CustomerRegistered.class, customer),
                Arguments.of("customer/customer-updated.v1.json", CustomerUpdated.TYPE, CustomerUpdated.class, customer),
                Arguments.of("customer/purchase-recorded.v1.json", PurchaseRecorded.TYPE, PurchaseRecorded.class, customer),
                Arguments.of("customer/purchase-returned.v1.json", PurchaseReturned.TYPE, PurchaseReturned.class, customer),
                Arguments.of("customer/consent-changed.v1.json", ConsentChanged.TYPE, ConsentChanged.class, customer),
                Arguments.of("customer/interaction-logged.v1.json", InteractionLogged.TYPE, InteractionLogged.class, customer),
                Arguments.of("customer/customers-merged.v1.json", CustomersMerged.TYPE, CustomersMerged.class, customer),
                Arguments.of("customer/customer-erased.v1.json", CustomerErased.TYPE, CustomerErased.class, customer),
                Arguments.of("privacy/erasure-confirmed.v1.json", ErasureConfirmed.type("customer"), ErasureConfirmed.class, customer),
                Arguments.of("feedback/feedback-received.v1.json", FeedbackReceived.TYPE, FeedbackReceived.class, feedback),
                Arguments.of("feedback/complaint-opened.v1.json", ComplaintOpened.TYPE, ComplaintOpened.class, feedback),
                Arguments.of("feedback/complaint-assigned.v1.json", ComplaintAssigned.TYPE, ComplaintAssigned.class, feedback),
                Arguments.of("feedback/complaint-first-response.v1.json", ComplaintFirstResponse.TYPE, ComplaintFirstResponse.class, feedback),
                Arguments.of("feedback/complaint-resolved.v1.json", ComplaintResolved.TYPE, ComplaintResolved.class, feedback),
                Arguments.of("feedback/complaint-reopened.v1.json", ComplaintReopened.TYPE, ComplaintReopened.class, feedback),
                Arguments.of("feedback/complaint-sla-warning.v1.json", ComplaintSlaWarning.TYPE, ComplaintSlaWarning.class, feedback),
                Arguments.of("feedback/complaint-sla-breached.v1.json", ComplaintSlaBreached.TYPE, ComplaintSlaBreached.class, feedback),
                Arguments.of("feedback/survey-answered.v1.json", SurveyAnswered.TYPE, SurveyAnswered.class, feedback),
                Arguments.of("feedback/survey-invitation-requested.v1.json", SurveyInvitationRequested.TYPE, SurveyInvitationRequested.class, feedback),
                Arguments.of("loyalty/points-earned.v1.json", PointsEarned.TYPE, PointsEarned.class, loyalty),
                Arguments.of("loyalty/points-redeemed.v1.json", PointsRedeemed.TYPE, PointsRedeemed.class, loyalty),
                Arguments.of("loyalty/points-adjusted.v1.json", PointsAdjusted.TYPE, PointsAdjusted.class, loyalty),
                Arguments.of("loyalty/points-reversed.v1.json", PointsReversed.TYPE, PointsReversed.class, loyalty),
                Arguments.of("loyalty/points-expired.v1.json", PointsExpired.TYPE, PointsExpired.class, loyalty),
                Arguments.of("loyalty/points-expiring.v1.json", PointsExpiring.TYPE, PointsExpiring.class, loyalty),
                Arguments.of("loyalty/tier-changed.v1.json", TierChanged.TYPE, TierChanged.class, loyalty),
                Arguments.of("loyalty/tier-downgrade-warning.v1.json", TierDowngradeWarning.TYPE, TierDowngradeWarning.class, loyalty),
                Arguments.of("loyalty/referral-completed.v1.json", ReferralCompleted.TYPE, ReferralCompleted.class, loyalty),
                Arguments.of("loyalty/referral-rejected.v1.json", ReferralRejected.TYPE, ReferralRejected.class, loyalty),
                Arguments.of("loyalty/reward-redeemed.v1.json", RewardRedeemed.TYPE, RewardRedeemed.class, loyalty),
                Arguments.of("loyalty/erasure-confirmed.v1.json", ErasureConfirmed.type("loyalty"), ErasureConfirmed.class, loyalty),
                Arguments.of("segmentation/segment-changed.v1.json", SegmentChanged.TYPE, SegmentChanged.class, segmentation),
                Arguments.of("segmentation/abc-class-changed.v1.json", AbcClassChanged.TYPE, AbcClassChanged.class, segmentation),
                Arguments.of("segmentation/lifecycle-stage-changed.v1.json", LifecycleStageChanged.TYPE,
                        LifecycleStageChanged.class, segmentation),
                Arguments.of("segmentation/churn-risk-raised.v1.json", ChurnRiskRaised.TYPE, ChurnRiskRaised.class, segmentation),
                Arguments.of("segmentation/relationship-level-changed.v1.json", RelationshipLevelChanged.TYPE,
                        RelationshipLevelChanged.class, segmentation));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void sampleRoundTripsThroughItsRecord(String sample, String type, Class<?> dataType, String source) throws IOException {
        byte[] original = read(sample);
        CloudEvent event = EventJson.parse(original);

        assertEquals(type, event.type());
        assertEquals(source, event.source());
        assertEquals(CloudEvent.SPEC_VERSION, event.specversion());

        Object data = event.dataAs(dataType);
        JsonNode rebuiltData = EventJson.mapper().valueToTree(data);
        assertTrue(event.data().equals(SAME_VALUE, rebuiltData),
                "record must carry every field of the sample's data: " + event.data() + " vs " + rebuiltData);

        CloudEvent rebuilt = new CloudEvent(event.specversion(), event.id(), event.source(), event.type(),
                event.subject(), event.time(), event.datacontenttype(), rebuiltData);
        JsonNode expected = EventJson.mapper().readTree(original);
        assertTrue(expected.equals(SAME_VALUE, EventJson.mapper().readTree(EventJson.toBytes(rebuilt))));
    }

    @ParameterizedTest(name = "{1} type is a versioned past-tense name of its producer")
    @MethodSource("samples")
    void typeFollowsNamingConvention(String sample, String type, Class<?> dataType, String source) {
        assertTrue(type.matches("rapport\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"), type);
    }

    @Test
    void everySampleOnDiskIsCheckedHere() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of(EventSamplesRoundTripTest.class.getResource("/samples").toURI());
        java.util.Set<String> onDisk;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            onDisk = files.filter(java.nio.file.Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
        java.util.Set<String> listed = samples().map(arguments -> (String) arguments.get()[0])
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(onDisk, listed, "a sample without a round-trip row (or a row without its sample)");
    }

    @Test
    void moneyIsWrittenAsDecimalString() {
        var recorded = new PurchaseRecorded(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), "O-1",
                new BigDecimal("10.50"), "EUR", java.time.Instant.parse("2026-01-01T00:00:00Z"), 1);
        CloudEvent event = CloudEvent.of(CustomerEvents.SOURCE, PurchaseRecorded.TYPE, recorded.customerId().toString(), recorded);

        JsonNode total = event.data().get("total");
        assertTrue(total.isTextual(), "money must be a JSON string, was " + total.getNodeType());
        assertEquals("10.50", total.asText());
        assertEquals(new BigDecimal("10.50"), event.dataAs(PurchaseRecorded.class).total());
    }

    @Test
    void newFieldsFromANewerProducerAreIgnored() throws IOException {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(read("customer/purchase-recorded.v1.json"));
        json.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        ((ObjectNode) json.get("data")).put("channel", "store");

        CloudEvent event = EventJson.parse(EventJson.mapper().writeValueAsBytes(json));
        PurchaseRecorded data = event.dataAs(PurchaseRecorded.class);

        assertEquals("ORD-2026-000123", data.orderId());
        assertEquals(new BigDecimal("139.80"), data.total());
    }

    @Test
    void erasureConfirmationTypeIsNamedAfterItsProducer() {
        assertEquals("rapport.loyalty.erasure-confirmed.v1", ErasureConfirmed.type("loyalty"));
        assertTrue(ErasureConfirmed.isType(ErasureConfirmed.type("segmentation")));
        assertTrue(!ErasureConfirmed.isType("rapport.loyalty.erasure-confirmed.v2"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ErasureConfirmed.type("Loyalty Service"));
    }

    private static byte[] read(String sample) throws IOException {
        try (InputStream in = EventSamplesRoundTripTest.class.getResourceAsStream("/samples/" + sample)) {
            assertNotNull(in, "missing sample " + sample);
            return in.readAllBytes();
        }
    }
}
