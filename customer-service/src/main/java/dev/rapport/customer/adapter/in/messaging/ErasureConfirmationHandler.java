package dev.rapport.customer.adapter.in.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.customer.application.port.in.privacy.RecordErasureConfirmationCommand;
import dev.rapport.customer.application.port.in.privacy.RecordErasureConfirmationUseCase;
import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.privacy.ErasureConfirmed;
import dev.rapport.messaging.consumer.EventHandler;

/**
 * Reads the other services' erasure-confirmed answers from their topics; every other event type there
 * is ignored. rapport-messaging runs it once per event id (in the transaction of the use case's
 * writes), retries failures and dead-letters what can never be applied (IllegalArgumentException).
 * Topics that do not exist yet are fine: the consumer subscribes anyway and is assigned their
 * partitions once a producer (or broker auto-creation) creates them.
 */
@ApplicationScoped
public class ErasureConfirmationHandler implements EventHandler {

    static final String CONSUMER_GROUP = "customer-service-erasure";
    private static final Logger LOG = Logger.getLogger(ErasureConfirmationHandler.class);

    private final RecordErasureConfirmationUseCase confirmations;

    public ErasureConfirmationHandler(RecordErasureConfirmationUseCase confirmations) {
        this.confirmations = confirmations;
    }

    @Override
    public String consumerGroup() {
        return CONSUMER_GROUP;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.FEEDBACK_EVENTS, Topics.LOYALTY_EVENTS, Topics.SEGMENTATION_EVENTS);
    }

    /** The other services' topics carry all their events; only their erasure answers concern this one. */
    @Override
    public boolean accepts(String type) {
        return ErasureConfirmed.isType(type);
    }

    @Override
    public void handle(CloudEvent event) {
        ErasureConfirmed confirmed = event.dataAs(ErasureConfirmed.class);
        boolean recorded = confirmations.record(new RecordErasureConfirmationCommand(confirmed.customerId(),
                confirmed.erasureId(), confirmed.service(), confirmed.confirmedAt()));
        // Ids only: never personal data in logs.
        LOG.infof("erasure %s: confirmation of %s %s", confirmed.erasureId(), confirmed.service(),
                recorded ? "recorded" : "ignored (already confirmed or unknown erasure)");
    }
}
