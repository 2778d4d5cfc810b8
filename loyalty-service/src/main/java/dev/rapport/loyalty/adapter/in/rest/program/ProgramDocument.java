package dev.rapport.loyalty.adapter.in.rest.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.Violations;
import dev.rapport.kernel.WireNames;
import dev.rapport.loyalty.domain.program.PointsRounding;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.ProgramVersion;
import dev.rapport.loyalty.domain.program.TierRule;

/** A program version on the wire: PUT sends it without {@code version}; GET answers it with. */
@Schema(name = "ProgramVersion", description = "The program's rules from effectiveFrom on")
public record ProgramDocument(
        @Schema(readOnly = true, minimum = "0", maximum = "1000000", examples = "1") Integer version,
        @Schema(description = "From when it applies; not in the past", examples = "2027-01-01T00:00:00Z", format = "date-time", maxLength = 35) Instant effectiveFrom,
        @Schema(description = "Points per currency unit", minimum = "0", maximum = "1000", examples = "1") BigDecimal earnRate,
        @Schema(description = "Per-currency earn rates", maxProperties = 50) Map<String, BigDecimal> currencyRates,
        @Schema(enumeration = {"down", "half_up", "up"}, maxLength = 10, examples = "down") String rounding,
        @Schema(description = "Days earned points stay pending (the return window)", minimum = "0", maximum = "365", examples = "30") Integer pendingDays,
        @Schema(minimum = "1", maximum = "120", examples = "12") Integer expiryMonths,
        @Schema(description = "Rolling window of tier qualification", minimum = "1", maximum = "60", examples = "12") Integer tierWindowMonths,
        @Schema(maxItems = 10) List<Tier> tiers,
        @Schema(minimum = "0", maximum = "1000000", examples = "500") Long referralAdvocateBonus,
        @Schema(minimum = "0", maximum = "1000000", examples = "250") Long referralRefereeBonus,
        @Schema(minimum = "1", maximum = "100000", examples = "20") Integer referralUsageLimit,
        @Schema(minimum = "0", maximum = "1000000", examples = "200") Long birthdayBonus,
        @Schema(minimum = "1", maximum = "90", examples = "14") Integer expiringReminderDays) {

    @Schema(name = "ProgramTier")
    public record Tier(
            @Schema(maxLength = 40, examples = "Silver") String name,
            @Schema(minimum = "0", maximum = "100000000", examples = "1000") Long threshold,
            @Schema(minimum = "0.1", maximum = "10", examples = "1.25") BigDecimal multiplier,
            @Schema(minimum = "0", maximum = "100", examples = "5") BigDecimal discountPercent,
            @Schema(maxItems = 20) List<String> perks) {
    }

    static ProgramDocument of(ProgramVersion v) {
        ProgramRules r = v.rules();
        return new ProgramDocument(v.version(), v.effectiveFrom(), r.earnRate(), r.currencyRates(),
                WireNames.of(r.rounding()), r.pendingDays(), r.expiryMonths(), r.tierWindowMonths(),
                r.tiers().stream().map(t -> new Tier(t.name(), t.threshold(), t.multiplier(), t.discountPercent(),
                        t.perks())).toList(),
                r.referralAdvocateBonus(), r.referralRefereeBonus(), r.referralUsageLimit(), r.birthdayBonus(),
                r.expiringReminderDays());
    }

    ProgramRules toRules() {
        Violations violations = new Violations();
        require(violations, "effectiveFrom", effectiveFrom);
        require(violations, "earnRate", earnRate);
        require(violations, "rounding", rounding);
        require(violations, "pendingDays", pendingDays);
        require(violations, "expiryMonths", expiryMonths);
        require(violations, "tierWindowMonths", tierWindowMonths);
        require(violations, "tiers", tiers);
        require(violations, "referralAdvocateBonus", referralAdvocateBonus);
        require(violations, "referralRefereeBonus", referralRefereeBonus);
        require(violations, "referralUsageLimit", referralUsageLimit);
        require(violations, "birthdayBonus", birthdayBonus);
        require(violations, "expiringReminderDays", expiringReminderDays);
        PointsRounding mode = rounding == null ? null : violations.check("rounding", () -> WireNames.parse(PointsRounding.class, rounding));
        List<TierRule> tierRules = null;
        if (tiers != null) {
            tierRules = new java.util.ArrayList<>();
            for (int i = 0; i < tiers.size(); i++) {
                Tier t = tiers.get(i);
                if (t == null || t.threshold() == null || t.multiplier() == null) {
                    violations.add("tiers[" + i + "]", "needs name, threshold and multiplier");
                    continue;
                }
                TierRule rule = violations.check("tiers[" + i + "]", () -> new TierRule(t.name(), t.threshold(),
                        t.multiplier(), t.discountPercent() == null ? BigDecimal.ZERO : t.discountPercent(), t.perks()));
                if (rule != null) {
                    tierRules.add(rule);
                }
            }
        }
        violations.throwIfAny();
        List<TierRule> finalTiers = tierRules;
        ProgramRules rules = violations.check("body", () -> new ProgramRules(earnRate, currencyRates, mode, pendingDays,
                expiryMonths, tierWindowMonths, finalTiers, referralAdvocateBonus, referralRefereeBonus,
                referralUsageLimit, birthdayBonus, expiringReminderDays));
        violations.throwIfAny();
        return rules;
    }

    private static void require(Violations violations, String field, Object value) {
        if (value == null) {
            violations.add(field, "is required");
        }
    }

    static InvalidInputException missingBody() {
        return InvalidInputException.of("body", "a program document is required");
    }
}
