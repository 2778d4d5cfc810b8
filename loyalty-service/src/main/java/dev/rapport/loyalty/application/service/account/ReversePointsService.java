package dev.rapport.loyalty.application.service.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.rapport.loyalty.application.port.in.account.ReversePointsCommand;
import dev.rapport.loyalty.application.port.in.account.ReversePointsUseCase;
import dev.rapport.loyalty.application.port.out.account.LedgerRepository.OrderKey;
import dev.rapport.loyalty.application.port.out.account.LedgerRepository.SourceKey;
import dev.rapport.loyalty.application.port.out.event.LoyaltyEventPublisher.Moved;
import dev.rapport.loyalty.application.port.out.event.LoyaltyEventPublisher.Reversed;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.Lots;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.PointLot;

/**
 * A return takes back the purchase's points in proportion to the amount returned: from what is left of
 * them, then from what expired of them (the member lost those already, they are not taken twice), then
 * from other points. Points already spent are not capped: the balance goes negative (a debt the next
 * credits repay), so a return never leaves points that were not paid for.
 */
@ApplicationScoped
public class ReversePointsService implements ReversePointsUseCase {

    private static final Logger LOG = Logger.getLogger(ReversePointsService.class);

    private final AccountLedger ledger;

    public ReversePointsService(AccountLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public void reverse(ReversePointsCommand command) {
        Optional<LoyaltyAccount> locked = ledger.accounts().lock(command.customerId());
        if (locked.isEmpty()) {
            LOG.infof("return %s of an unknown loyalty account: nothing to reverse", command.returnId());
            return;
        }
        LoyaltyAccount account = ledger.follow(locked.get());
        String returnKey = String.valueOf(command.returnId());
        if (ledger.entries().hasEntry(account.customerId(), EntryType.REVERSE, returnKey)) {
            return;
        }
        Optional<PointLot> found = ledger.entries().lotForOrder(account.customerId(), command.orderId());
        if (found.isEmpty() || command.amount() == null || command.amount().signum() <= 0) {
            LOG.infof("return %s: no points were earned for its order, nothing to reverse", command.returnId());
            return;
        }
        PointLot lot = found.get();
        var returned = lot.returnedAmount().add(command.amount());
        long points = Lots.reversalFor(lot, returned);
        PointLot after = lot.withReturn(returned, lot.reversedPoints() + points);
        if (points == 0) {
            ledger.entries().updateLots(List.of(after));
            return;
        }
        ledger.takeBack(account, EntryType.REVERSE, points, after, "return of order " + command.orderId(), "return",
                returnKey, command.occurredAt())
                .ifPresent(debited -> ledger.events().pointsReversed(debited.entry(), command.orderId(),
                        command.returnId()));
    }

    /**
     * The same rules as {@link #reverse}, with the reads and writes shared: accounts locked, returns already
     * reversed, the orders' lots and the accounts' open lots are each read with one statement for all
     * returns; lots, entries, balances and events written in one batch each. A return of a merged or
     * erased member goes through {@link #reverse}, in the same transaction.
     */
    @Override
    @Transactional
    public void reverseAll(List<ReversePointsCommand> commands) {
        Map<UUID, LoyaltyAccount> locked = ledger.accounts().lockAll(
                commands.stream().map(ReversePointsCommand::customerId).distinct().toList());
        List<ReversePointsCommand> simple = new ArrayList<>();
        for (ReversePointsCommand command : commands) {
            LoyaltyAccount account = locked.get(command.customerId());
            if (account == null) {
                LOG.infof("return %s of an unknown loyalty account: nothing to reverse", command.returnId());
            } else if (account.isActive()) {
                simple.add(command);
            }
        }
        if (!simple.isEmpty()) {
            reverseSimple(simple, locked);
        }
        for (ReversePointsCommand command : commands) {
            LoyaltyAccount account = locked.get(command.customerId());
            if (account != null && !account.isActive()) {
                reverse(command);
            }
        }
    }

    private void reverseSimple(List<ReversePointsCommand> returns, Map<UUID, LoyaltyAccount> locked) {
        Instant now = ledger.now();
        Set<SourceKey> reversed = new HashSet<>(ledger.entries().withEntry(EntryType.REVERSE, returns.stream()
                .map(r -> new SourceKey(r.customerId(), String.valueOf(r.returnId()))).toList()));
        Map<OrderKey, PointLot> orderLots = ledger.entries().lotsForOrders(returns.stream()
                .map(r -> new OrderKey(r.customerId(), r.orderId())).distinct().toList());
        Map<UUID, List<PointLot>> openLots = ledger.entries().openLotsOf(locked.keySet());
        // every lot as this batch left it, by id: an order's lot may also be one of its account's open lots
        Map<UUID, PointLot> lots = new HashMap<>();
        orderLots.values().forEach(lot -> lots.put(lot.id(), lot));
        openLots.values().forEach(open -> open.forEach(lot -> lots.put(lot.id(), lot)));

        Map<UUID, LoyaltyAccount> changed = new LinkedHashMap<>();
        Set<UUID> changedLots = new LinkedHashSet<>();
        List<LedgerEntry> entries = new ArrayList<>();
        List<Moved> events = new ArrayList<>();
        for (ReversePointsCommand command : returns) {
            String returnKey = String.valueOf(command.returnId());
            if (!reversed.add(new SourceKey(command.customerId(), returnKey))) {
                continue; // reversed before, or earlier in this batch
            }
            PointLot orderLot = orderLots.get(new OrderKey(command.customerId(), command.orderId()));
            if (orderLot == null || command.amount() == null || command.amount().signum() <= 0) {
                LOG.infof("return %s: no points were earned for its order, nothing to reverse", command.returnId());
                continue;
            }
            PointLot lot = lots.get(orderLot.id());
            BigDecimal returned = lot.returnedAmount().add(command.amount());
            long points = Lots.reversalFor(lot, returned);
            lots.put(lot.id(), lot.withReturn(returned, lot.reversedPoints() + points));
            changedLots.add(lot.id());
            if (points == 0) {
                continue;
            }
            LoyaltyAccount account = changed.getOrDefault(command.customerId(), locked.get(command.customerId()));
            List<PointLot> open = openLots.getOrDefault(account.customerId(), List.of()).stream()
                    .map(l -> lots.get(l.id())).filter(l -> l.remaining() > 0).toList();
            Lots.TakingBack taking = Lots.takeBack(open, points, lots.get(lot.id()), now);
            taking.changed().forEach(l -> {
                lots.put(l.id(), l);
                changedLots.add(l.id());
            });
            if (taking.debited() == 0) {
                continue; // the order's points had expired: lost already, nothing to debit
            }
            AccountLedger.Debited debited = AccountLedger.debited(account, EntryType.REVERSE, taking.debited(),
                    taking.shortfall(), "return of order " + command.orderId(), "return", returnKey, null,
                    command.occurredAt(), now);
            entries.add(debited.entry());
            events.add(new Reversed(debited.entry(), command.orderId(), command.returnId()));
            changed.put(account.customerId(), debited.account());
        }
        ledger.entries().updateLots(changedLots.stream().map(lots::get).toList());
        if (entries.isEmpty()) {
            return;
        }
        ledger.entries().appendAll(entries);
        ledger.accounts().updateBalances(List.copyOf(changed.values()));
        ledger.events().pointsMovedAll(events);
    }
}
