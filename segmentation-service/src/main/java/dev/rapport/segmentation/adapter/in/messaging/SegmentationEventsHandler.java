package dev.rapport.segmentation.adapter.in.messaging;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.CustomerUpdated;
import dev.rapport.events.customer.CustomersMerged;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;
import dev.rapport.messaging.consumer.PoisonEventException;
import dev.rapport.messaging.consumer.EventHandler;
import dev.rapport.segmentation.application.port.in.customer.EraseCustomerCommand;
import dev.rapport.segmentation.application.port.in.customer.EraseCustomerUseCase;
import dev.rapport.segmentation.application.port.in.customer.MergeCustomersCommand;
import dev.rapport.segmentation.application.port.in.customer.MergeCustomersUseCase;
import dev.rapport.segmentation.application.port.in.customer.RecordCustomerProfileCommand;
import dev.rapport.segmentation.application.port.in.customer.RecordCustomerProfileUseCase;
import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseCommand;
import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseUseCase;
import dev.rapport.segmentation.application.port.in.purchase.RecordReturnCommand;
import dev.rapport.segmentation.application.port.in.purchase.RecordReturnUseCase;
import dev.rapport.segmentation.application.port.in.status.RecordEventConsumedUseCase;
import dev.rapport.segmentation.config.ConsumedTopics;

/**
 * Turns the customer, feedback and loyalty events into use-case calls. rapport-messaging runs it once per
 * event id in one transaction with its effects, retries failures and dead-letters poison (a data record
 * that does not bind, a missing required field). Types it does not know are counted and ignored.
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

    public SegmentationEventsHandler(RecordCustomerProfileUseCase profiles, RecordPurchaseUseCase purchases,
            RecordReturnUseCase returns, MergeCustomersUseCase merges, EraseCustomerUseCase erasures,
            RecordEventConsumedUseCase consumed) {
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
        try {
            apply(event);
        } catch (NullPointerException e) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type()
                    + " lacks a required field: " + e.getMessage(), e);
        }
        consumed.consumed(topicOf(event), event.time());
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
            case PurchaseRecorded.TYPE -> {
                PurchaseRecorded d = event.dataAs(PurchaseRecorded.class);
                purchases.record(new RecordPurchaseCommand(d.customerId(), d.purchaseId(), d.orderId(), d.total(),
                        d.currency(), d.occurredAt()));
            }
            case PurchaseReturned.TYPE -> {
                PurchaseReturned d = event.dataAs(PurchaseReturned.class);
                returns.record(new RecordReturnCommand(d.customerId(), d.purchaseId(), d.returnId(), d.amount(),
                        d.currency(), d.occurredAt()));
            }
            case CustomersMerged.TYPE -> {
                CustomersMerged d = event.dataAs(CustomersMerged.class);
                merges.merge(new MergeCustomersCommand(d.survivorId(), d.duplicateId()));
            }
            case CustomerErased.TYPE -> {
                CustomerErased d = event.dataAs(CustomerErased.class);
                erasures.erase(new EraseCustomerCommand(d.customerId(), d.erasureId()));
            }
            default -> LOG.tracef("ignoring event type %s", event.type());
        }
    }

    /** The producer's topic, from the type's context (rapport.<context>.<name>.vN). */
    private static String topicOf(CloudEvent event) {
        String[] parts = event.type().split("\\.");
        return parts.length > 1 ? "rapport." + parts[1] + ".events" : "unknown";
    }
}
