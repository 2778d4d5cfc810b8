package dev.rapport.feedback.adapter.in.messaging;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.loyalty.TierChanged;
import dev.rapport.events.segmentation.AbcClassChanged;
import dev.rapport.feedback.application.port.in.customer.RecordCustomerClassCommand;
import dev.rapport.feedback.application.port.in.customer.RecordCustomerClassUseCase;
import dev.rapport.messaging.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * The customer class that picks a new complaint's SLA targets: abc-class-changed from segmentation-service
 * and tier-changed from loyalty-service. A consumer group of its own (processed ids stored with the effect,
 * poison events to the DLQ); every other event type of those topics passes by unapplied.
 */
@ApplicationScoped
public class CustomerClassEventsHandler implements EventHandler {

    private final RecordCustomerClassUseCase classes;

    public CustomerClassEventsHandler(RecordCustomerClassUseCase classes) {
        this.classes = classes;
    }

    @Override
    public String consumerGroup() {
        return "feedback-service.customer-class";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.SEGMENTATION_EVENTS, Topics.LOYALTY_EVENTS);
    }

    /** Points, rewards and the other segments' events of those topics pass by. */
    @Override
    public boolean accepts(String type) {
        return AbcClassChanged.TYPE.equals(type) || TierChanged.TYPE.equals(type);
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case AbcClassChanged.TYPE -> {
                AbcClassChanged c = event.dataAs(AbcClassChanged.class);
                classes.record(new RecordCustomerClassCommand(c.customerId(), RecordCustomerClassCommand.Kind.ABC_CLASS,
                        c.to(), c.changedAt()));
            }
            case TierChanged.TYPE -> {
                TierChanged t = event.dataAs(TierChanged.class);
                classes.record(new RecordCustomerClassCommand(t.customerId(), RecordCustomerClassCommand.Kind.LOYALTY_TIER,
                        t.tier(), t.occurredAt()));
            }
            default -> {
                // not interested
            }
        }
    }
}
