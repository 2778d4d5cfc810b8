package dev.rapport.loyalty.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.rapport.kernel.WireNames;
import dev.rapport.loyalty.domain.program.PointsRounding;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.TierRule;

/** The clock the core reads and the program's configured default rules. */
public class LoyaltyProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ProgramRules defaultProgram(LoyaltyConfig config) {
        LoyaltyConfig.Program p = config.program();
        return new ProgramRules(p.earnRate(), p.currencyRates(), WireNames.parse(PointsRounding.class, p.rounding()),
                p.pendingDays(), p.expiryMonths(), p.tierWindowMonths(),
                p.tiers().stream().map(t -> new TierRule(t.name(), t.threshold(), t.multiplier(), t.discountPercent(),
                        t.perks().orElse(java.util.List.of()))).toList(),
                p.referralAdvocateBonus(), p.referralRefereeBonus(), p.referralUsageLimit(), p.birthdayBonus(),
                p.expiringReminderDays());
    }
}
