package dev.rapport.loyalty.application.service.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.loyalty.application.port.in.account.MergeAccountsCommand;
import dev.rapport.loyalty.application.port.in.account.MergeAccountsUseCase;
import dev.rapport.loyalty.domain.account.AccountStatus;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;

/**
 * The duplicate's balance moves to the survivor: a merge-out entry empties the duplicate, a merge-in
 * entry credits the survivor, and the duplicate's lots (with their pending and expiry dates) and any
 * debt go along. The duplicate stays as a tombstone pointing to the survivor.
 */
@ApplicationScoped
public class MergeAccountsService implements MergeAccountsUseCase {

    private final AccountLedger ledger;

    public MergeAccountsService(AccountLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public void merge(MergeAccountsCommand command) {
        if (command.survivorId().equals(command.duplicateId())) {
            return;
        }
        // Always lock in id order, so two merges (or a merge and a redemption) cannot deadlock.
        boolean survivorFirst = command.survivorId().compareTo(command.duplicateId()) < 0;
        LoyaltyAccount first = ledger.lockOrOpen(survivorFirst ? command.survivorId() : command.duplicateId());
        LoyaltyAccount second = ledger.lockOrOpen(survivorFirst ? command.duplicateId() : command.survivorId());
        LoyaltyAccount survivor = survivorFirst ? first : second;
        LoyaltyAccount duplicate = survivorFirst ? second : first;
        if (duplicate.status() == AccountStatus.MERGED) {
            return; // already merged
        }
        survivor = ledger.follow(survivor);
        Instant now = ledger.now();
        long moved = duplicate.balance();
        String reason = "merged into " + survivor.customerId();
        ledger.entries().append(new LedgerEntry(TimeOrderedIds.next(), duplicate.customerId(), EntryType.MERGE_OUT,
                -moved, 0, reason, "merge", survivor.customerId().toString(), null, command.mergedAt(), now));
        ledger.entries().moveLots(duplicate.customerId(), survivor.customerId());
        ledger.accounts().update(duplicate.mergedInto(survivor.customerId(), now));
        ledger.entries().append(new LedgerEntry(TimeOrderedIds.next(), survivor.customerId(), EntryType.MERGE_IN,
                moved, survivor.balance() + moved, "merged from " + duplicate.customerId(), "merge",
                duplicate.customerId().toString(), null, command.mergedAt(), now));
        LoyaltyAccount updated = survivor.withBalance(survivor.balance() + moved, survivor.debt() + duplicate.debt(), now);
        if (updated.firstPurchaseAt() == null && duplicate.firstPurchaseAt() != null) {
            updated = updated.withFirstPurchase(duplicate.firstPurchaseAt(), now);
        }
        if (updated.birthday() == null && duplicate.birthday() != null) {
            updated = updated.withContact(updated.email(), updated.phone(), duplicate.birthday(), now);
        }
        ledger.accounts().update(updated);
        ledger.evaluateTier(updated, false);
    }
}
