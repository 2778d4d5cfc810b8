package dev.rapport.customer.adapter.out.messaging;

import java.util.AbstractList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.Tag;
import dev.rapport.customer.domain.event.ConsentChanged;
import dev.rapport.customer.domain.event.CustomerDomainEvent;
import dev.rapport.customer.domain.event.CustomerRegistered;
import dev.rapport.customer.domain.event.CustomerUpdated;
import dev.rapport.customer.domain.event.InteractionLogged;
import dev.rapport.customer.domain.event.CustomersMerged;
import dev.rapport.customer.domain.event.PurchaseRecorded;
import dev.rapport.customer.domain.event.PurchaseReturned;
import dev.rapport.kernel.WireNames;
import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomerEvents;
import dev.rapport.messaging.outbox.OutboxWriter;

/**
 * Publishes domain events as CloudEvents on {@code rapport.customer.events} through the
 * transactional outbox: the row joins the caller's transaction, the relay sends it after commit.
 * Subject and Kafka key are the customer id, so one customer's events stay in order.
 */
@ApplicationScoped
public class OutboxCustomerEventPublisher implements CustomerEventPublisher {

    private final OutboxWriter outbox;

    public OutboxCustomerEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(CustomerDomainEvent event) {
        outbox.append(Topics.CUSTOMER_EVENTS, cloudEvent(event));
    }

    /**
     * One outbox statement for all of them (imports raise thousands per transaction), in list order.
     * Each event becomes a CloudEvent only when the outbox reaches it, so the mapping too overlaps with
     * the database storing the rows sent before it (see {@link OutboxWriter#appendAll}).
     */
    @Override
    public void publishAll(List<CustomerDomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        outbox.appendAll(Topics.CUSTOMER_EVENTS, cloudEvents(events));
    }

    /** Maps and serialises the events into outbox rows now; no database, no transaction. */
    @Override
    public Prepared prepare(List<CustomerDomainEvent> events) {
        List<CustomerDomainEvent> copy = List.copyOf(events);
        OutboxWriter.Prepared rows = outbox.prepare(Topics.CUSTOMER_EVENTS, cloudEvents(copy));
        return new PreparedRows(copy, rows);
    }

    @Override
    public void publishAll(Prepared prepared, List<CustomerDomainEvent> more) {
        if (prepared instanceof PreparedRows rows) {
            outbox.appendAll(rows.rows(), cloudEvents(more));
        } else {
            CustomerEventPublisher.super.publishAll(prepared, more);
        }
    }

    private record PreparedRows(List<CustomerDomainEvent> events, OutboxWriter.Prepared rows) implements Prepared {
    }

    /** The events as CloudEvents, each mapped when the outbox reads it. */
    private static List<CloudEvent> cloudEvents(List<CustomerDomainEvent> events) {
        return new AbstractList<>() {
            @Override
            public CloudEvent get(int index) {
                return cloudEvent(events.get(index));
            }

            @Override
            public int size() {
                return events.size();
            }
        };
    }

    private static CloudEvent cloudEvent(CustomerDomainEvent event) {
        String subject = event.customerId().toString();
        // Every domain event maps to one contract record of platform/events and its type.
        Contract contract = switch (event) {
            case CustomerRegistered registered ->
                    new Contract(dev.rapport.events.customer.CustomerRegistered.TYPE, toContract(registered));
            case CustomerUpdated updated ->
                    new Contract(dev.rapport.events.customer.CustomerUpdated.TYPE, toContract(updated));
            case PurchaseRecorded recorded ->
                    new Contract(dev.rapport.events.customer.PurchaseRecorded.TYPE, toContract(recorded));
            case PurchaseReturned returned ->
                    new Contract(dev.rapport.events.customer.PurchaseReturned.TYPE, toContract(returned));
            case ConsentChanged changed ->
                    new Contract(dev.rapport.events.customer.ConsentChanged.TYPE, toContract(changed));
            case InteractionLogged logged ->
                    new Contract(dev.rapport.events.customer.InteractionLogged.TYPE, toContract(logged));
            case CustomersMerged merged ->
                    new Contract(dev.rapport.events.customer.CustomersMerged.TYPE,
                            new dev.rapport.events.customer.CustomersMerged(merged.customerId().value(),
                                    merged.duplicateId().value(), merged.mergedAt()));
        };
        return CloudEvent.of(CustomerEvents.SOURCE, contract.type(), subject, contract.data());
    }

    private record Contract(String type, Object data) {
    }

    static dev.rapport.events.customer.CustomerRegistered toContract(CustomerRegistered event) {
        CustomerProfile p = event.profile();
        return new dev.rapport.events.customer.CustomerRegistered(
                event.customerId().value(),
                text(p.externalId()),
                text(p.email()),
                text(p.phone()),
                p.firstName(),
                p.lastName(),
                p.company(),
                p.acquisitionChannel() == null ? null : p.acquisitionChannel().wireName(),
                p.birthday(),
                text(event.referralCode()),
                tags(p),
                event.registeredAt());
    }

    static dev.rapport.events.customer.CustomerUpdated toContract(CustomerUpdated event) {
        CustomerProfile p = event.profile();
        return new dev.rapport.events.customer.CustomerUpdated(
                event.customerId().value(),
                event.changedFields(),
                text(p.externalId()),
                text(p.email()),
                text(p.phone()),
                p.firstName(),
                p.lastName(),
                p.company(),
                p.birthday(),
                tags(p),
                event.version(),
                event.updatedAt());
    }

    static dev.rapport.events.customer.PurchaseRecorded toContract(PurchaseRecorded event) {
        return new dev.rapport.events.customer.PurchaseRecorded(
                event.customerId().value(),
                event.purchaseId().value(),
                event.orderId().value(),
                event.total().amount(),
                event.total().currency().code(),
                event.occurredAt(),
                event.lineCount());
    }

    static dev.rapport.events.customer.PurchaseReturned toContract(PurchaseReturned event) {
        UUID returnId = event.returnId().value();
        return new dev.rapport.events.customer.PurchaseReturned(
                event.customerId().value(),
                event.purchaseId().value(),
                event.orderId().value(),
                returnId,
                text(event.returnKey()),
                event.amount().amount(),
                event.amount().currency().code(),
                event.occurredAt(),
                event.reason());
    }

    static dev.rapport.events.customer.ConsentChanged toContract(ConsentChanged event) {
        var current = event.current();
        return new dev.rapport.events.customer.ConsentChanged(
                event.customerId().value(),
                WireNames.of(current.channel()),
                WireNames.of(current.purpose()),
                WireNames.of(current.status()),
                current.source(),
                current.capturedAt());
    }

    /** Deliberately without the summary: free text may hold personal data and stays in this service. */
    static dev.rapport.events.customer.InteractionLogged toContract(InteractionLogged event) {
        var interaction = event.interaction();
        return new dev.rapport.events.customer.InteractionLogged(
                event.customerId().value(),
                interaction.id().value(),
                WireNames.of(interaction.channel()),
                WireNames.of(interaction.direction()),
                interaction.occurredAt(),
                interaction.agent());
    }

    private static List<String> tags(CustomerProfile profile) {
        return profile.tags().stream().map(Tag::value).toList();
    }

    private static String text(Object valueObject) {
        return valueObject == null ? null : valueObject.toString();
    }
}
