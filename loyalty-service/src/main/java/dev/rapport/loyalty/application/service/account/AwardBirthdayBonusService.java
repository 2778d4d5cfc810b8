package dev.rapport.loyalty.application.service.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.loyalty.application.port.in.account.AwardBirthdayBonusUseCase;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.program.ProgramRules;

/**
 * The birthday bonus, once per account and calendar year (the year is stored under the row lock). A
 * birthday missed while the service was down is still honoured within {@link #GRACE_DAYS}; 29 February
 * is celebrated on 28 February in other years.
 */
@ApplicationScoped
public class AwardBirthdayBonusService implements AwardBirthdayBonusUseCase {

    public static final int GRACE_DAYS = 7;

    private final AccountLedger ledger;

    public AwardBirthdayBonusService(AccountLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<UUID> accountsWithBirthdayDue(int limit) {
        return ledger.accounts().withBirthdayDue(today(ledger.now()), GRACE_DAYS, limit);
    }

    private static LocalDate today(Instant now) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    @Transactional
    public boolean award(UUID customerId) {
        LoyaltyAccount account = ledger.lockExisting(customerId);
        Instant now = ledger.now();
        LocalDate today = today(now);
        if (!account.isActive() || account.birthday() == null) {
            return false;
        }
        Integer last = account.lastBirthdayBonusYear();
        if (last != null && last >= today.getYear()) {
            return false;
        }
        LocalDate birthday = account.birthday().withYear(today.getYear());
        if (birthday.isAfter(today) || birthday.isBefore(today.minusDays(GRACE_DAYS))) {
            return false;
        }
        ProgramRules rules = ledger.programs().rulesAt(now);
        account = account.withBirthdayBonus(today.getYear(), now);
        ledger.accounts().update(account);
        if (rules.birthdayBonus() > 0) {
            AccountLedger.Credited credited = ledger.credit(account, EntryType.BIRTHDAY_BONUS, rules.birthdayBonus(),
                    "birthday bonus " + today.getYear(), "birthday", String.valueOf(today.getYear()), null, now, now,
                    rules.expiresAt(now), null, null);
            ledger.events().pointsEarned(credited.entry(), credited.lot(), null);
            ledger.evaluateTier(credited.account(), false);
        }
        return true;
    }
}
