package dev.rapport.loyalty.application.service.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.application.port.in.account.GetAccountQuery;
import dev.rapport.loyalty.application.port.in.account.GetAccountUseCase;
import dev.rapport.loyalty.application.port.out.account.AccountRepository;
import dev.rapport.loyalty.application.port.out.account.LedgerRepository;
import dev.rapport.loyalty.application.service.program.Programs;
import dev.rapport.loyalty.domain.account.AccountNotFoundException;
import dev.rapport.loyalty.domain.account.AccountView;
import dev.rapport.loyalty.domain.account.Balances;
import dev.rapport.loyalty.domain.account.LedgerTotals;
import dev.rapport.loyalty.domain.account.Lots;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.PointLot;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.TierRule;

/**
 * Balances are computed at read time: pending points become available on their date without any job;
 * points past their expiry date count in neither until the expiry job records them.
 */
@ApplicationScoped
public class GetAccountService implements GetAccountUseCase {

    private final AccountRepository accounts;
    private final LedgerRepository ledger;
    private final Programs programs;
    private final Clock clock;

    public GetAccountService(AccountRepository accounts, LedgerRepository ledger, Programs programs, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.programs = programs;
        this.clock = clock;
    }

    @Override
    public AccountView get(GetAccountQuery query) {
        LoyaltyAccount account = accounts.find(query.customerId())
                .orElseThrow(() -> new AccountNotFoundException(query.customerId()));
        Instant now = clock.instant();
        ProgramRules rules = programs.rulesAt(now);
        List<PointLot> lots = ledger.openLots(account.customerId());
        List<java.util.UUID> ids = new java.util.ArrayList<>(accounts.mergedInto(account.customerId()));
        ids.add(account.customerId());
        LedgerTotals totals = ledger.totals(ids, rules.tierWindowStart(now));
        Balances balances = new Balances(Lots.available(lots, now) - account.debt(), Lots.pending(lots, now),
                totals.spent(), totals.expired(), totals.lifetimeEarned());
        TierRule tier = rules.tier(account.tier());
        Optional<TierRule> next = rules.above(tier.name());
        AccountView.Progress progress = new AccountView.Progress(next.map(TierRule::name).orElse(null),
                next.map(t -> Math.max(0, t.threshold() - totals.qualifying())).orElse(0L),
                Math.max(0, tier.threshold() - totals.qualifying()), totals.qualifying(),
                nextAnniversary(account.openedAt(), now));
        return new AccountView(account.customerId(), account.status(), account.mergedInto(), account.balance(), balances,
                tier.name(), account.tierSince(),
                new AccountView.Benefits(tier.discountPercent(), tier.multiplier(), tier.perks()), progress,
                account.referralCode(), nextExpiry(lots, now), account.openedAt());
    }

    /** The membership anniversary on or after today: when a downgrade would be evaluated. */
    static LocalDate nextAnniversary(Instant openedAt, Instant now) {
        return dev.rapport.loyalty.domain.account.Anniversaries.next(openedAt, now.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    private static AccountView.NextExpiry nextExpiry(List<PointLot> lots, Instant now) {
        Optional<LocalDate> first = lots.stream().filter(l -> l.remaining() > 0 && !l.isExpiredAt(now))
                .map(l -> l.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate()).min(Comparator.naturalOrder());
        return first.map(date -> new AccountView.NextExpiry(lots.stream()
                        .filter(l -> l.remaining() > 0 && !l.isExpiredAt(now)
                                && l.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate().equals(date))
                        .mapToLong(PointLot::remaining).sum(), date))
                .orElse(null);
    }
}
