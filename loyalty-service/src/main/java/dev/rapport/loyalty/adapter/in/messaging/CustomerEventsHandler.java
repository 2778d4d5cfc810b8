package dev.rapport.loyalty.adapter.in.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.events.CloudEvent;
import dev.rapport.events.Topics;
import dev.rapport.events.customer.CustomerErased;
import dev.rapport.events.customer.CustomerRegistered;
import dev.rapport.events.customer.CustomerUpdated;
import dev.rapport.events.customer.CustomersMerged;
import dev.rapport.events.customer.PurchaseRecorded;
import dev.rapport.events.customer.PurchaseReturned;
import dev.rapport.loyalty.application.port.in.account.EarnPointsCommand;
import dev.rapport.loyalty.application.port.in.account.EarnPointsUseCase;
import dev.rapport.loyalty.application.port.in.account.EraseMemberCommand;
import dev.rapport.loyalty.application.port.in.account.EraseMemberUseCase;
import dev.rapport.loyalty.application.port.in.account.MergeAccountsCommand;
import dev.rapport.loyalty.application.port.in.account.MergeAccountsUseCase;
import dev.rapport.loyalty.application.port.in.account.OpenAccountCommand;
import dev.rapport.loyalty.application.port.in.account.OpenAccountUseCase;
import dev.rapport.loyalty.application.port.in.account.ReversePointsCommand;
import dev.rapport.loyalty.application.port.in.account.ReversePointsUseCase;
import dev.rapport.loyalty.application.port.in.account.UpdateMemberCommand;
import dev.rapport.loyalty.application.port.in.account.UpdateMemberUseCase;
import dev.rapport.loyalty.config.LoyaltyConfig;
import dev.rapport.messaging.consumer.EventHandler;
import dev.rapport.messaging.consumer.EventRuns;
import dev.rapport.messaging.consumer.PoisonEventException;

/**
 * Learns customers and purchases from {@code rapport.customer.events}. rapport-messaging runs it once per
 * event id, in the transaction of the use case's writes (the processed id commits with the effect), and
 * dead-letters what can never be applied. Batch mode: the events of one poll share a transaction,
 * purchases are earned together and returns reversed together.
 */
@ApplicationScoped
public class CustomerEventsHandler implements EventHandler {

    public static final String CONSUMER_GROUP = "loyalty-service";

    private static final Set<String> TYPES = Set.of(CustomerRegistered.TYPE, CustomerUpdated.TYPE, PurchaseRecorded.TYPE,
            PurchaseReturned.TYPE, CustomersMerged.TYPE, CustomerErased.TYPE);

    private final OpenAccountUseCase open;
    private final UpdateMemberUseCase update;
    private final EarnPointsUseCase earn;
    private final ReversePointsUseCase reverse;
    private final MergeAccountsUseCase merge;
    private final EraseMemberUseCase erase;
    private final int loops;

    public CustomerEventsHandler(OpenAccountUseCase open, UpdateMemberUseCase update, EarnPointsUseCase earn,
                                 ReversePointsUseCase reverse, MergeAccountsUseCase merge, EraseMemberUseCase erase,
                                 LoyaltyConfig config) {
        this.loops = config.consumer().loops();
        this.open = open;
        this.update = update;
        this.earn = earn;
        this.reverse = reverse;
        this.merge = merge;
        this.erase = erase;
    }

    @Override
    public String consumerGroup() {
        return CONSUMER_GROUP;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CUSTOMER_EVENTS);
    }

    /** The topic's other events (consent, interactions, follow-ups) pass by without a transaction. */
    @Override
    public boolean accepts(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case CustomerRegistered.TYPE -> {
                CustomerRegistered r = event.dataAs(CustomerRegistered.class);
                open.open(new OpenAccountCommand(required(r.customerId()), r.email(), r.phone(), r.birthday(),
                        r.referralCode(), r.registeredAt()));
            }
            case CustomerUpdated.TYPE -> {
                CustomerUpdated u = event.dataAs(CustomerUpdated.class);
                update.update(new UpdateMemberCommand(required(u.customerId()), u.email(), u.phone(), u.birthday()));
            }
            case PurchaseRecorded.TYPE -> earn.earn(earnCommand(event));
            case PurchaseReturned.TYPE -> reverse.reverse(reverseCommand(event));
            case CustomersMerged.TYPE -> {
                CustomersMerged m = event.dataAs(CustomersMerged.class);
                merge.merge(new MergeAccountsCommand(required(m.survivorId()), required(m.duplicateId()),
                        m.mergedAt() == null ? event.time() : m.mergedAt()));
            }
            case CustomerErased.TYPE -> {
                CustomerErased e = event.dataAs(CustomerErased.class);
                erase.erase(new EraseMemberCommand(required(e.customerId()), e.erasureId()));
            }
            default -> {
                // not ours to act on
            }
        }
    }

    /**
     * Customers' events are independent of each other (every use case locks the accounts it changes, in id
     * order where it takes several), so the partitions are consumed by several loops at once.
     */
    @Override
    public int concurrency() {
        return loops;
    }

    /**
     * A purchase earns once per account and order id whatever the event id: the earn checks the order's
     * lot under the account's lock and a unique index guards the earn entry, so a redelivered purchase
     * changes nothing and needs no processed-id row (one insert per purchase saved). Other types are
     * recorded as usual.
     */
    @Override
    public boolean recordsProcessed(String type) {
        return !PurchaseRecorded.TYPE.equals(type);
    }

    /** Batch mode: a poll's events in one transaction (rapport-messaging retries them one by one if it fails). */
    @Override
    public boolean batched() {
        return true;
    }

    /**
     * Runs of consecutive purchases are earned together ({@link EarnPointsUseCase#earnAll}), runs of
     * consecutive returns reversed together ({@link ReversePointsUseCase#reverseAll}); any other event is
     * handled alone where it stands, so every customer's events keep their order.
     */
    @Override
    public void handleAll(List<CloudEvent> events) {
        List<EarnPointsCommand> purchases = new ArrayList<>();
        List<ReversePointsCommand> returns = new ArrayList<>();
        for (CloudEvent event : events) {
            switch (event.type()) {
                case PurchaseRecorded.TYPE -> {
                    EventRuns.flush(returns, reverse::reverseAll);
                    purchases.add(earnCommand(event));
                }
                case PurchaseReturned.TYPE -> {
                    EventRuns.flush(purchases, earn::earnAll);
                    returns.add(reverseCommand(event));
                }
                default -> {
                    EventRuns.flush(purchases, earn::earnAll);
                    EventRuns.flush(returns, reverse::reverseAll);
                    handle(event);
                }
            }
        }
        EventRuns.flush(purchases, earn::earnAll);
        EventRuns.flush(returns, reverse::reverseAll);
    }

    private static ReversePointsCommand reverseCommand(CloudEvent event) {
        PurchaseReturned r = event.dataAs(PurchaseReturned.class);
        return new ReversePointsCommand(required(r.customerId()), r.orderId(), r.returnId(), r.amount(),
                r.occurredAt() == null ? event.time() : r.occurredAt());
    }

    static EarnPointsCommand earnCommand(CloudEvent event) {
        EarnPointsCommand command = PurchaseFields.read(event.data());
        if (command != null) {
            return command;
        }
        PurchaseRecorded p = event.dataAs(PurchaseRecorded.class);
        if (p.orderId() == null || p.occurredAt() == null || p.total() == null) {
            throw new PoisonEventException("purchase-recorded without order id, date or total: " + event.id());
        }
        return new EarnPointsCommand(required(p.customerId()), p.orderId(), p.total(), p.currency(), p.occurredAt());
    }

    private static <T> T required(T id) {
        if (id == null) {
            throw new PoisonEventException("event without a customer id");
        }
        return id;
    }
}
