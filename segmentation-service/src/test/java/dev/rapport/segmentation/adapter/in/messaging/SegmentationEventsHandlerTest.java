package dev.rapport.segmentation.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;
import dev.rapport.segmentation.application.port.in.lifecycle.RecordSignalCommand;
import dev.rapport.segmentation.application.port.in.lifecycle.RecordSignalUseCase;
import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseCommand;
import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseUseCase;
import dev.rapport.segmentation.application.port.in.purchase.RecordReturnCommand;
import dev.rapport.segmentation.application.port.in.purchase.RecordReturnUseCase;

/** How a poll's events reach the use cases in batch mode: counted per topic, purchases in runs, order kept. */
class SegmentationEventsHandlerTest {

    private final List<String> calls = new ArrayList<>();

    private final SegmentationEventsHandler handler = new SegmentationEventsHandler(
            c -> calls.add("profile " + c.customerId()),
            new RecordPurchaseUseCase() {
                @Override
                public void record(RecordPurchaseCommand command) {
                    calls.add("purchase " + command.orderId());
                }

                @Override
                public void recordAll(List<RecordPurchaseCommand> commands) {
                    calls.add("purchases " + commands.stream().map(RecordPurchaseCommand::orderId).toList());
                }
            },
            new RecordReturnUseCase() {
                @Override
                public void record(RecordReturnCommand command) {
                    calls.add("return " + command.returnId());
                }

                @Override
                public void recordAll(List<RecordReturnCommand> commands) {
                    calls.add("returns " + commands.stream().map(RecordReturnCommand::returnId).toList());
                }
            },
            c -> calls.add("merge " + c.duplicateId()),
            c -> calls.add("erase " + c.customerId()),
            (topic, events, last) -> calls.add("counted " + topic + " " + events + " " + last),
            new RecordSignalUseCase() {
                @Override
                public void record(RecordSignalCommand command) {
                    calls.add("signal " + command.kind() + " " + command.customerId());
                }

                @Override
                public void recordAll(List<RecordSignalCommand> commands) {
                    calls.add("signals " + commands.stream().map(c -> c.kind() + " " + c.customerId()).toList());
                }
            });

    @Test
    void aPollIsCountedPerTopicAndItsConsecutivePurchasesGoTogetherInOrder() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        CloudEvent registered = CloudEvent.of(CustomerEvents.SOURCE, CustomerRegistered.TYPE, ada.toString(),
                new CustomerRegistered(ada, "EXT-1", "ada@example.com", null, "Ada", "Lovelace", null, "web",
                        LocalDate.of(1990, 1, 1), null, List.of(), Instant.now()));
        CloudEvent first = purchase(ada, "O-1");
        CloudEvent second = purchase(ada, "O-2");
        CloudEvent rated = CloudEvent.of("/feedback-service", "rapport.feedback.feedback-received.v1", bob.toString(),
                JsonNodeFactory.instance.objectNode().put("customerId", bob.toString()).put("rating", 2));
        CloudEvent unrelated = CloudEvent.of("/feedback-service", "rapport.feedback.survey-sent.v1", bob.toString(),
                JsonNodeFactory.instance.objectNode().put("customerId", bob.toString()));
        CloudEvent earned = CloudEvent.of("/loyalty-service", "rapport.loyalty.points-earned.v1", ada.toString(),
                JsonNodeFactory.instance.objectNode().put("customerId", ada.toString()).put("points", 10));
        CloudEvent third = purchase(bob, "O-3");

        handler.handleAll(List.of(registered, first, second, rated, unrelated, earned, third));

        assertThat(calls).containsExactly(
                "counted rapport.customer.events 4 " + third.time(),
                "counted rapport.feedback.events 2 " + unrelated.time(),
                "counted rapport.loyalty.events 1 " + earned.time(),
                "profile " + ada,
                "purchases [O-1, O-2]",
                "signals [CSAT_RATED " + bob + ", LOYALTY_ACTIVITY " + ada + "]",
                "purchases [O-3]");
    }

    @Test
    void consecutiveReturnsGoTogetherAfterThePurchasesBeforeThem() {
        UUID ada = UUID.randomUUID();
        CloudEvent bought = purchase(ada, "O-1");
        CloudEvent firstReturn = returned(ada);
        CloudEvent secondReturn = returned(ada);
        CloudEvent later = purchase(ada, "O-2");

        handler.handleAll(List.of(bought, firstReturn, secondReturn, later));

        assertThat(calls).containsExactly("counted rapport.customer.events 4 " + later.time(), "purchases [O-1]",
                "returns [" + returnId(firstReturn) + ", " + returnId(secondReturn) + "]", "purchases [O-2]");
    }

    private static CloudEvent returned(UUID customer) {
        UUID returnId = UUID.randomUUID();
        return CloudEvent.of(CustomerEvents.SOURCE, PurchaseReturned.TYPE, customer.toString(),
                new PurchaseReturned(customer, UUID.randomUUID(), "O-1", returnId, "R-" + returnId,
                        new BigDecimal("5.00"), "GBP", Instant.now(), "damaged"));
    }

    private static UUID returnId(CloudEvent event) {
        return event.dataAs(PurchaseReturned.class).returnId();
    }

    @Test
    void oneEventAloneIsCountedOnceAndRecordedAsBefore() {
        CloudEvent bought = purchase(UUID.randomUUID(), "O-9");

        handler.handle(bought);

        assertThat(calls).containsExactly("counted rapport.customer.events 1 " + bought.time(), "purchase O-9");
    }

    private static CloudEvent purchase(UUID customer, String orderId) {
        return CloudEvent.of(CustomerEvents.SOURCE, PurchaseRecorded.TYPE, customer.toString(),
                new PurchaseRecorded(customer, UUID.randomUUID(), orderId, new BigDecimal("10.00"), "GBP",
                        Instant.now(), 1));
    }
}
