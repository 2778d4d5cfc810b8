package dev.rapport.loyalty.application.service.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;
import dev.rapport.loyalty.application.port.in.account.AdjustPointsCommand;
import dev.rapport.loyalty.application.port.in.account.AdjustPointsUseCase;
import dev.rapport.loyalty.domain.account.AccountClosedException;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;

/**
 * An agent's correction, audited in the ledger with the reason and the agent. A credit is available at
 * once and expires like any credit; a debit takes available points and is refused (409) beyond them.
 */
@ApplicationScoped
public class AdjustPointsService implements AdjustPointsUseCase {

    public static final long POINTS_MAX = 1_000_000L;
    public static final int REASON_MAX = 500;
    public static final int AGENT_MAX = 200;

    private final AccountLedger ledger;

    public AdjustPointsService(AccountLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public LedgerEntry adjust(AdjustPointsCommand command) {
        Violations violations = new Violations();
        String reason = violations.check("reason", () -> Texts.required(command.reason(), REASON_MAX));
        String agent = violations.check("agent", () -> Texts.required(command.agent(), AGENT_MAX));
        if (command.points() == null) {
            violations.add("points", "is required");
        } else if (command.points() == 0 || Math.abs(command.points()) > POINTS_MAX) {
            violations.add("points", "must be a non-zero integer from -" + POINTS_MAX + " to " + POINTS_MAX);
        }
        violations.throwIfAny();
        LoyaltyAccount account = ledger.lockExisting(command.customerId());
        if (!account.isActive()) {
            throw new AccountClosedException(account);
        }
        account = ledger.expireDue(account);
        long points = command.points();
        if (points > 0) {
            Instant now = ledger.now();
            AccountLedger.Credited credited = ledger.credit(account, EntryType.ADJUST, points, reason, "agent", agent,
                    agent, now, now, ledger.programs().rulesAt(now).expiresAt(now), null, null);
            ledger.events().pointsAdjusted(credited.entry(), credited.lot().expiresAt());
            return credited.entry();
        }
        LedgerEntry debit = ledger.spend(account, EntryType.ADJUST, -points, reason, "agent", agent, agent).entry();
        ledger.events().pointsAdjusted(debit, null);
        return debit;
    }
}
