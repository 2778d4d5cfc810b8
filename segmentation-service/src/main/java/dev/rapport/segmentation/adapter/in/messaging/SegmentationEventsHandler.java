package dev.rapport.segmentation.adapter.in.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.CustomerUpdated;
import dev.rapport.events.customer.CustomersMerged;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;
import dev.rapport.messaging.consumer.PoisonEventException;
import dev.rapport.messaging.consumer.EventHandler;
import dev.rapport.messaging.consumer.EventRuns;
import dev.rapport.segmentation.application.port.in.customer.EraseCustomerCommand;
import dev.rapport.segmentation.application.port.in.customer.EraseCustomerUseCase;
import dev.rapport.segmentation.application.port.in.customer.MergeCustomersCommand;
import dev.rapport.segmentation.application.port.in.customer.MergeCustomersUseCase;
import dev.rapport.segmentation.application.port.in.customer.RecordCustomerProfileCommand;
import dev.rapport.segmentation.application.port.in.customer.RecordCustomerProfileUseCase;
import dev.rapport.segmentation.application.port.in.lifecycle.RecordSignalCommand;
import dev.rapport.segmentation.application.port.in.lifecycle.RecordSignalCommand.Kind;
import dev.rapport.segmentation.application.port.in.lifecycle.RecordSignalUseCase;
import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseCommand;
import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseUseCase;
import dev.rapport.segmentation.application.port.in.purchase.RecordReturnCommand;
import dev.rapport.segmentation.application.port.in.purchase.RecordReturnUseCase;
import dev.rapport.segmentation.application.port.in.status.RecordEventConsumedUseCase;
import dev.rapport.segmentation.config.ConsumedTopics;

/**
 * Turns the customer, feedback and loyalty events into use-case calls. rapport-messaging runs it once per
 * event id in one transaction with its effects, retries failures and dead-letters poison (a data record
 * that does not bind, a missing required field). Types it does not know are counted and ignored. Batch mode:
 * the events of one poll share a transaction; a run of purchases or of signals re-derives each customer once,
 * a run of returns is stored at once.
 */
@ApplicationScoped
public class SegmentationEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(SegmentationEventsHandler.class);

    private final RecordCustomerProfileUseCase profiles;
    private final RecordPurchaseUseCase purchases;
    private final RecordReturnUseCase returns;
    private final MergeCustomersUseCase merges;
    private final EraseCustomerUseCase erasures;
    private final RecordEventConsumedUseCase consumed;
    private final RecordSignalUseCase signals;

    public SegmentationEventsHandler(RecordCustomerProfileUseCase profiles, RecordPurchaseUseCase purchases,
            RecordReturnUseCase returns, MergeCustomersUseCase merges, EraseCustomerUseCase erasures,
            RecordEventConsumedUseCase consumed, RecordSignalUseCase signals) {
        this.signals = signals;
        this.profiles = profiles;
        this.purchases = purchases;
        this.returns = returns;
        this.merges = merges;
        this.erasures = erasures;
        this.consumed = consumed;
    }

    @Override
    public String consumerGroup() {
        return ConsumedTopics.CONSUMER_GROUP;
    }

    @Override
    public Set<String> topics() {
        return new HashSet<>(ConsumedTopics.TOPICS);
    }

    @Override
    public void handle(CloudEvent event) {
        // counted first, in the same transaction: the count's write travels with the event's first statement
        consumed.consumed(topicOf(event), 1, event.time());
        requiringFields(event, () -> apply(event));
    }

    /** The events of one poll share a transaction (see {@link #handleAll}). */
    @Override
    public boolean batched() {
        return true;
    }

    @Override
    public void handleAll(List<CloudEvent> events) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Instant> latest = new HashMap<>();
        for (CloudEvent event : events) {
            String topic = topicOf(event);
            counts.merge(topic, 1L, Long::sum);
            if (event.time() != null) {
                latest.merge(topic, event.time(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        counts.forEach((topic, count) -> consumed.consumed(topic, count, latest.get(topic)));
        // consecutive purchases go together, and consecutive signals; any other event is applied in its place
        List<RecordPurchaseCommand> bought = new ArrayList<>();
        List<RecordReturnCommand> returned = new ArrayList<>();
        List<RecordSignalCommand> signalled = new ArrayList<>();
        for (CloudEvent event : events) {
            if (PurchaseRecorded.TYPE.equals(event.type())) {
                EventRuns.flush(returned, returns::recordAll);
                EventRuns.flush(signalled, signals::recordAll);
                requiringFields(event, () -> bought.add(purchase(event)));
            } else if (PurchaseReturned.TYPE.equals(event.type())) {
                // after the purchases before it: a return refers to its purchase
                EventRuns.flush(bought, purchases::recordAll);
                EventRuns.flush(signalled, signals::recordAll);
                requiringFields(event, () -> returned.add(returnOf(event)));
            } else if (isSignalSource(event.type())) {
                requiringFields(event, () -> {
                    RecordSignalCommand command = signalOf(event);
                    if (command != null) {
                        EventRuns.flush(bought, purchases::recordAll);
                        EventRuns.flush(returned, returns::recordAll);
                        signalled.add(command);
                    }
                });
            } else {
                EventRuns.flush(bought, purchases::recordAll);
                EventRuns.flush(returned, returns::recordAll);
                EventRuns.flush(signalled, signals::recordAll);
                requiringFields(event, () -> apply(event));
            }
        }
        EventRuns.flush(bought, purchases::recordAll);
        EventRuns.flush(returned, returns::recordAll);
        EventRuns.flush(signalled, signals::recordAll);
    }

    private static void requiringFields(CloudEvent event, Runnable work) {
        try {
            work.run();
        } catch (NullPointerException e) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type()
                    + " lacks a required field: " + e.getMessage(), e);
        }
    }

    private static RecordPurchaseCommand purchase(CloudEvent event) {
        PurchaseRecorded d = event.dataAs(PurchaseRecorded.class);
        return new RecordPurchaseCommand(d.customerId(), d.purchaseId(), d.orderId(), d.total(), d.currency(),
                d.occurredAt());
    }

    private static RecordReturnCommand returnOf(CloudEvent event) {
        PurchaseReturned d = event.dataAs(PurchaseReturned.class);
        return new RecordReturnCommand(d.customerId(), d.purchaseId(), d.returnId(), d.amount(), d.currency(),
                d.occurredAt());
    }

    private void apply(CloudEvent event) {
        switch (event.type()) {
            case CustomerRegistered.TYPE -> {
                CustomerRegistered d = event.dataAs(CustomerRegistered.class);
                profiles.record(new RecordCustomerProfileCommand(d.customerId(), d.externalId(),
                        d.acquisitionChannel(), d.registeredAt()));
            }
            case CustomerUpdated.TYPE -> {
                CustomerUpdated d = event.dataAs(CustomerUpdated.class);
                profiles.record(new RecordCustomerProfileCommand(d.customerId(), d.externalId(), null, null));
            }
            case PurchaseRecorded.TYPE -> purchases.record(purchase(event));
            case PurchaseReturned.TYPE -> returns.record(returnOf(event));
            case CustomersMerged.TYPE -> {
                CustomersMerged d = event.dataAs(CustomersMerged.class);
                merges.merge(new MergeCustomersCommand(d.survivorId(), d.duplicateId()));
            }
            case CustomerErased.TYPE -> {
                CustomerErased d = event.dataAs(CustomerErased.class);
                erasures.erase(new EraseCustomerCommand(d.customerId(), d.erasureId()));
            }
            default -> {
                RecordSignalCommand command = isSignalSource(event.type()) ? signalOf(event) : null;
                if (command != null) {
                    signals.record(command);
                } else {
                    LOG.tracef("ignoring event type %s", event.type());
                }
            }
        }
    }

    private static boolean isSignalSource(String type) {
        return type.startsWith("rapport.feedback.") || type.startsWith("rapport.loyalty.");
    }

    /**
     * A feedback or loyalty event as a signal, read by type name and field name (their records belong to those
     * services). @return null for a type or an event that signals nothing (unknown types and fields are ignored)
     */
    private static RecordSignalCommand signalOf(CloudEvent event) {
        String type = event.type();
        JsonNode data = event.data();
        if (data == null) {
            return null;
        }
        UUID customerId = data.hasNonNull("customerId") ? UUID.fromString(data.get("customerId").asText())
                : event.subject() == null ? null : UUID.fromString(event.subject());
        if (customerId == null) {
            return null;
        }
        Instant at = firstInstant(data, event.time(), "occurredAt", "receivedAt", "answeredAt", "openedAt", "resolvedAt");
        String name = type.substring(type.indexOf('.', "rapport.".length()) + 1, type.lastIndexOf('.'));
        RecordSignalCommand command = switch (name) {
            case "feedback-received" -> rating(data, "rating") == null ? null
                    : new RecordSignalCommand(customerId, Kind.CSAT_RATED, rating(data, "rating"), false, at);
            case "survey-answered", "survey-response-recorded", "survey-response-received", "nps-answered",
                    "csat-answered" -> survey(customerId, name, data, at);
            case "complaint-opened", "complaint-reopened" -> new RecordSignalCommand(customerId, Kind.COMPLAINT_OPENED,
                    0, false, at);
            case "complaint-resolved", "complaint-closed" -> new RecordSignalCommand(customerId,
                    Kind.COMPLAINT_RESOLVED, 0, data.has("withinSla") && !data.get("withinSla").asBoolean(), at);
            case "complaint-first-response" -> data.has("withinSla") && !data.get("withinSla").asBoolean()
                    ? new RecordSignalCommand(customerId, Kind.COMPLAINT_SLA_BREACHED, 0, true, at) : null;
            case "complaint-sla-breached" -> new RecordSignalCommand(customerId, Kind.COMPLAINT_SLA_BREACHED, 0, true, at);
            case "points-earned", "points-redeemed", "tier-changed", "reward-redeemed", "referral-completed",
                    "member-enrolled" -> new RecordSignalCommand(customerId, Kind.LOYALTY_ACTIVITY, 0, false, at);
            case "points-expired" -> new RecordSignalCommand(customerId, Kind.POINTS_EXPIRED,
                    Math.max(0, data.path("points").asLong()), false, at);
            default -> null;
        };
        return command;
    }

    private static RecordSignalCommand survey(UUID customerId, String name, JsonNode data, Instant at) {
        String kind = data.path("kind").asText(data.path("surveyType").asText(data.path("metric").asText("")))
                .toLowerCase(java.util.Locale.ROOT);
        Integer score = rating(data, "score") != null ? rating(data, "score") : rating(data, "value");
        if (data.has("nps") && data.get("nps").isNumber()) {
            return new RecordSignalCommand(customerId, Kind.NPS_ANSWERED, data.get("nps").asInt(), false, at);
        }
        if (score == null) {
            return null;
        }
        if (kind.equals("nps") || name.startsWith("nps")) {
            return new RecordSignalCommand(customerId, Kind.NPS_ANSWERED, score, false, at);
        }
        if (kind.equals("csat") || name.startsWith("csat")) {
            return new RecordSignalCommand(customerId, Kind.CSAT_RATED, score, false, at);
        }
        return null;
    }

    private static Integer rating(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.isIntegralNumber() ? value.asInt() : null;
    }

    private static Instant firstInstant(JsonNode data, Instant fallback, String... fields) {
        for (String field : fields) {
            if (data.hasNonNull(field)) {
                return Instant.parse(data.get(field).asText());
            }
        }
        return fallback == null ? Instant.now() : fallback;
    }

    /** The producer's topic, from the type's context (rapport.<context>.<name>.vN). */
    private static String topicOf(CloudEvent event) {
        String[] parts = event.type().split("\\.");
        return parts.length > 1 ? "rapport." + parts[1] + ".events" : "unknown";
    }
}
