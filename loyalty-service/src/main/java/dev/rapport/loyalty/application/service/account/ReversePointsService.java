package dev.rapport.loyalty.application.service.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.rapport.loyalty.application.port.in.account.ReversePointsCommand;
import dev.rapport.loyalty.application.port.in.account.ReversePointsUseCase;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.Lots;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.PointLot;

/**
 * A return takes back the purchase's points in proportion to the amount returned. Points already spent
 * are not capped: the balance goes negative (a debt the next credits repay), so a return never leaves
 * points that were not paid for.
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
        ledger.entries().updateLots(java.util.List.of(lot.withReturn(returned, lot.reversedPoints() + points)));
        if (points == 0) {
            return;
        }
        AccountLedger.Debited debited = ledger.takeBack(account, EntryType.REVERSE, points, lot.id(),
                "return of order " + command.orderId(), "return", returnKey, command.occurredAt());
        ledger.events().pointsReversed(debited.entry(), command.orderId(), command.returnId());
    }
}
