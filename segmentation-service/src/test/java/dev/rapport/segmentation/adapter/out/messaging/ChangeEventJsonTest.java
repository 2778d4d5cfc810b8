package dev.rapport.segmentation.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.EventJson;
import dev.rapport.events.segmentation.AbcClassChanged;
import dev.rapport.events.segmentation.ChurnRiskRaised;
import dev.rapport.events.segmentation.LifecycleStageChanged;
import dev.rapport.events.segmentation.RelationshipLevelChanged;
import dev.rapport.events.segmentation.SegmentChanged;
import dev.rapport.events.segmentation.SegmentationEvents;

/** The directly written change events are the text EventJson writes for the same records. */
class ChangeEventJsonTest {

    private static final UUID ID = UUID.fromString("3e0b7f4d-9c6a-4b5d-8f1e-4a5b6c7d8e9f");
    private static final UUID CUSTOMER = UUID.fromString("6c1d2f5e-2a49-4f4e-8d0e-3f7b9f6d1a20");
    private static final Instant TIME = Instant.parse("2026-11-25T14:30:01.123456789Z");
    private static final Instant CHANGED = Instant.parse("2026-11-25T14:30:01.120500Z");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    private final ChangeEventJson json = new ChangeEventJson();

    @Test
    void segmentChangedFromNothingAndFromASegment() {
        assertSame(json.start(ID, SegmentChanged.TYPE, CUSTOMER, TIME).field("from", (String) null)
                .field("to", "champions").field("r", 5).field("f", 4).field("m", 3).field("asOf", AS_OF)
                .field("changedAt", CHANGED).end(),
                SegmentChanged.TYPE, new SegmentChanged(CUSTOMER, null, "champions", 5, 4, 3, AS_OF, CHANGED));
        assertSame(json.start(ID, SegmentChanged.TYPE, CUSTOMER, TIME).field("from", "lost")
                .field("to", "at_risk").field("r", 1).field("f", 3).field("m", 2).field("asOf", AS_OF)
                .field("changedAt", CHANGED).end(),
                SegmentChanged.TYPE, new SegmentChanged(CUSTOMER, "lost", "at_risk", 1, 3, 2, AS_OF, CHANGED));
    }

    @Test
    void abcClassChangedKeepsTheMonetaryAsADecimalString() {
        assertSame(json.start(ID, AbcClassChanged.TYPE, CUSTOMER, TIME).field("from", "B").field("to", "A")
                .field("monetary", new BigDecimal("123456.70")).field("currency", "GBP").field("asOf", AS_OF)
                .field("changedAt", CHANGED).end(),
                AbcClassChanged.TYPE, new AbcClassChanged(CUSTOMER, "B", "A", new BigDecimal("123456.70"), "GBP",
                        AS_OF, CHANGED));
    }

    @Test
    void lifecycleChurnAndLevelWithReasonsThatNeedEscaping() {
        assertSame(json.start(ID, LifecycleStageChanged.TYPE, CUSTOMER, TIME).field("from", "repeat")
                .field("to", "at_risk").field("asOf", AS_OF).field("changedAt", CHANGED).end(),
                LifecycleStageChanged.TYPE, new LifecycleStageChanged(CUSTOMER, "repeat", "at_risk", AS_OF, CHANGED));
        List<String> reasons = List.of("no purchase for 90 days, past the customer's cadence of 30 days",
                "a \"quoted\" \\ reason\nwith a tab\t, a bell \u0007 and ünïcödé €");
        assertSame(json.start(ID, ChurnRiskRaised.TYPE, CUSTOMER, TIME).field("from", "low").field("to", "high")
                .field("reasons", reasons).field("asOf", AS_OF).field("changedAt", CHANGED).end(),
                ChurnRiskRaised.TYPE, new ChurnRiskRaised(CUSTOMER, "low", "high", reasons, AS_OF, CHANGED));
        assertSame(json.start(ID, RelationshipLevelChanged.TYPE, CUSTOMER, TIME).field("from", 3).field("to", 4)
                .field("name", "loyal").field("reasons", List.of()).field("asOf", AS_OF)
                .field("changedAt", CHANGED).end(),
                RelationshipLevelChanged.TYPE, new RelationshipLevelChanged(CUSTOMER, 3, 4, "loyal", List.of(), AS_OF,
                        CHANGED));
    }

    private static void assertSame(String written, String type, Object data) {
        CloudEvent expected = new CloudEvent(CloudEvent.SPEC_VERSION, ID, SegmentationEvents.SOURCE, type,
                CUSTOMER.toString(), TIME, CloudEvent.JSON, EventJson.mapper().valueToTree(data));
        assertThat(written).isEqualTo(EventJson.toJson(expected));
        assertThat(EventJson.parse(written.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(expected);
    }
}
