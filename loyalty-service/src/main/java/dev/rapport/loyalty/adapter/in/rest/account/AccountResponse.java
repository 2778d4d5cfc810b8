package dev.rapport.loyalty.adapter.in.rest.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.loyalty.domain.account.AccountView;

@Schema(name = "LoyaltyAccount", description = "A member's balances, tier, benefits and progress")
public record AccountResponse(
        @Schema(format = "uuid", maxLength = 36, examples = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b") String customerId,
        @Schema(enumeration = {"active", "erased", "merged"}, maxLength = 10, examples = "active") String status,
        @Schema(format = "uuid", maxLength = 36, nullable = true, description = "The survivor when merged") String mergedInto,
        @Schema(description = "Sum of the ledger", minimum = "-100000000000", maximum = "100000000000", examples = "1250") long balance,
        Balances balances,
        @Schema(maxLength = 40, examples = "Silver") String tier,
        Instant tierSince,
        Benefits benefits,
        Progress progress,
        @Schema(maxLength = 12, nullable = true, examples = "7KQ4M9XW2HRT") String referralCode,
        @Schema(nullable = true) NextExpiry nextExpiry,
        Instant openedAt) {

    @Schema(name = "LoyaltyBalances")
    public record Balances(
            @Schema(description = "Spendable now; negative while a reversal's debt is open", minimum = "-100000000000", maximum = "100000000000", examples = "1000") long available,
            @Schema(description = "Earned, waiting for the return window", minimum = "0", maximum = "100000000000", examples = "250") long pending,
            @Schema(minimum = "0", maximum = "100000000000", examples = "300") long spent,
            @Schema(minimum = "0", maximum = "100000000000", examples = "0") long expired,
            @Schema(description = "Earned from purchases and bonuses, less reversals", minimum = "-100000000000", maximum = "100000000000", examples = "1550") long lifetimeEarned) {
    }

    @Schema(name = "TierBenefits")
    public record Benefits(
            @Schema(minimum = "0", maximum = "100", examples = "5") BigDecimal discountPercent,
            @Schema(minimum = "0.1", maximum = "10", examples = "1.25") BigDecimal earnMultiplier,
            @Schema(maxItems = 20) List<String> perks) {
    }

    @Schema(name = "TierProgress")
    public record Progress(
            @Schema(maxLength = 40, nullable = true, examples = "Gold") String nextTier,
            @Schema(minimum = "0", maximum = "100000000000", examples = "3450") long pointsNeeded,
            @Schema(minimum = "0", maximum = "100000000000", examples = "0") long pointsToRetain,
            @Schema(description = "Points earned in the rolling window", minimum = "0", maximum = "100000000000", examples = "1550") long qualifyingPoints,
            @Schema(description = "Membership anniversary, when a downgrade is evaluated", examples = "2027-03-01", format = "date", maxLength = 10) LocalDate evaluatedOn) {
    }

    @Schema(name = "NextExpiry")
    public record NextExpiry(@Schema(minimum = "0", maximum = "100000000000", examples = "120") long points,
                             @Schema(examples = "2027-01-15", format = "date", maxLength = 10) LocalDate date) {
    }

    static AccountResponse of(AccountView v) {
        return new AccountResponse(v.customerId().toString(), v.status().name().toLowerCase(),
                v.mergedInto() == null ? null : v.mergedInto().toString(), v.balance(),
                new Balances(v.balances().available(), v.balances().pending(), v.balances().spent(),
                        v.balances().expired(), v.balances().lifetimeEarned()),
                v.tier(), v.tierSince(),
                new Benefits(v.benefits().discountPercent(), v.benefits().earnMultiplier(), v.benefits().perks()),
                new Progress(v.progress().nextTier(), v.progress().pointsNeeded(), v.progress().pointsToRetain(),
                        v.progress().qualifyingPoints(), v.progress().evaluatedOn()),
                v.referralCode(),
                v.nextExpiry() == null ? null : new NextExpiry(v.nextExpiry().points(), v.nextExpiry().date()),
                v.openedAt());
    }
}
