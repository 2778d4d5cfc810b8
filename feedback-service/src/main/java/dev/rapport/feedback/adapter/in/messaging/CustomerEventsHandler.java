package dev.rapport.feedback.adapter.in.messaging;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.ConsentChanged;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomersMerged;
import dev.rapport.feedback.application.port.in.consent.RecordConsentCommand;
import dev.rapport.feedback.application.port.in.consent.RecordConsentUseCase;
import dev.rapport.feedback.application.port.in.customer.EraseCustomerDataCommand;
import dev.rapport.feedback.application.port.in.customer.EraseCustomerDataUseCase;
import dev.rapport.feedback.application.port.in.customer.MergeCustomersCommand;
import dev.rapport.feedback.application.port.in.customer.MergeCustomersUseCase;
import dev.rapport.messaging.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * What feedback-service learns from customer-service: consent (for survey invitations), erasures and
 * merges. Runs in the library's idempotent consumer loop (processed ids stored with the effect; poison
 * events to the DLQ); other event types pass by unapplied.
 */
@ApplicationScoped
public class CustomerEventsHandler implements EventHandler {

    private static final Set<String> TYPES = Set.of(ConsentChanged.TYPE, CustomerErased.TYPE, CustomersMerged.TYPE);

    private final RecordConsentUseCase consent;
    private final EraseCustomerDataUseCase erase;
    private final MergeCustomersUseCase merge;

    public CustomerEventsHandler(RecordConsentUseCase consent, EraseCustomerDataUseCase erase, MergeCustomersUseCase merge) {
        this.consent = consent;
        this.erase = erase;
        this.merge = merge;
    }

    @Override
    public String consumerGroup() {
        return "feedback-service";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CUSTOMER_EVENTS);
    }

    /** Only these change feedback's data; the topic's other events (most of it: purchases) pass by. */
    @Override
    public boolean accepts(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case ConsentChanged.TYPE -> {
                ConsentChanged c = event.dataAs(ConsentChanged.class);
                consent.record(new RecordConsentCommand(c.customerId(), c.channel(), c.purpose(), c.status(), c.capturedAt()));
            }
            case CustomerErased.TYPE -> {
                CustomerErased e = event.dataAs(CustomerErased.class);
                erase.erase(new EraseCustomerDataCommand(e.customerId(), e.erasureId()));
            }
            case CustomersMerged.TYPE -> {
                CustomersMerged m = event.dataAs(CustomersMerged.class);
                merge.merge(new MergeCustomersCommand(m.survivorId(), m.duplicateId()));
            }
            default -> {
                // not interested
            }
        }
    }
}
