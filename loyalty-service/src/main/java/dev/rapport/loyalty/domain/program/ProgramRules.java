package dev.rapport.loyalty.domain.program;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.rapport.kernel.InvalidValueException;

/**
 * The rules of the loyalty program as of one version.
 *
 * <ul>
 *   <li>earn: {@code total × rate(currency) × tier multiplier}, rounded with {@code rounding}; the rate is
 *       {@code currencyRates[currency]} or else {@code earnRate} (points per currency unit);</li>
 *   <li>earned points are pending for {@code pendingDays} after the purchase (the return window), then
 *       available; every credit expires {@code expiryMonths} after it was earned;</li>
 *   <li>tiers by points earned in the rolling {@code tierWindowMonths}, thresholds ascending, the first 0;</li>
 *   <li>referral bonuses for advocate and referee, at most {@code referralUsageLimit} referrals per advocate;</li>
 *   <li>a birthday bonus once per calendar year; a points-expiring reminder {@code expiringReminderDays} ahead.</li>
 * </ul>
 */
public record ProgramRules(
        BigDecimal earnRate,
        Map<String, BigDecimal> currencyRates,
        PointsRounding rounding,
        int pendingDays,
        int expiryMonths,
        int tierWindowMonths,
        List<TierRule> tiers,
        long referralAdvocateBonus,
        long referralRefereeBonus,
        int referralUsageLimit,
        long birthdayBonus,
        int expiringReminderDays) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_RATE = new BigDecimal(1000);

    public ProgramRules {
        checkRate("earnRate", earnRate);
        currencyRates = currencyRates == null ? Map.of() : Map.copyOf(new TreeMap<>(currencyRates));
        for (Map.Entry<String, BigDecimal> rate : currencyRates.entrySet()) {
            if (rate.getKey() == null || !CURRENCY.matcher(rate.getKey()).matches()) {
                throw new InvalidValueException("currencyRates keys must be ISO-4217 codes such as EUR");
            }
            checkRate("currencyRates." + rate.getKey(), rate.getValue());
        }
        if (rounding == null) {
            throw new InvalidValueException("rounding must be one of down, half_up, up");
        }
        check(pendingDays >= 0 && pendingDays <= 365, "pendingDays must be from 0 to 365");
        check(expiryMonths >= 1 && expiryMonths <= 120, "expiryMonths must be from 1 to 120");
        check(tierWindowMonths >= 1 && tierWindowMonths <= 60, "tierWindowMonths must be from 1 to 60");
        check(tiers != null && !tiers.isEmpty() && tiers.size() <= 10, "tiers must list 1 to 10 tiers");
        List<TierRule> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparingLong(TierRule::threshold));
        check(sorted.getFirst().threshold() == 0, "the lowest tier's threshold must be 0");
        var names = new HashSet<String>();
        for (int i = 0; i < sorted.size(); i++) {
            check(names.add(sorted.get(i).name().toLowerCase()), "tier names must be unique");
            check(i == 0 || sorted.get(i).threshold() > sorted.get(i - 1).threshold(), "tier thresholds must differ");
        }
        tiers = List.copyOf(sorted);
        check(referralAdvocateBonus >= 0 && referralAdvocateBonus <= 1_000_000, "referralAdvocateBonus must be from 0 to 1000000");
        check(referralRefereeBonus >= 0 && referralRefereeBonus <= 1_000_000, "referralRefereeBonus must be from 0 to 1000000");
        check(referralUsageLimit >= 1 && referralUsageLimit <= 100_000, "referralUsageLimit must be from 1 to 100000");
        check(birthdayBonus >= 0 && birthdayBonus <= 1_000_000, "birthdayBonus must be from 0 to 1000000");
        check(expiringReminderDays >= 1 && expiringReminderDays <= 90, "expiringReminderDays must be from 1 to 90");
    }

    private static void checkRate(String field, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0) {
            throw new InvalidValueException(field + " must be from 0 to 1000");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new InvalidValueException(message);
        }
    }

    /** Points a purchase of {@code total} earns for a member in {@code tierName}; never negative. */
    public long pointsFor(BigDecimal total, String currency, String tierName) {
        if (total == null || total.signum() <= 0) {
            return 0;
        }
        BigDecimal rate = currencyRates.getOrDefault(currency, earnRate);
        return total.multiply(rate).multiply(tier(tierName).multiplier())
                .setScale(0, rounding.mode()).longValueExact();
    }

    /** The tier of {@code name}, or the lowest when this version has no such tier. */
    public TierRule tier(String name) {
        return tiers.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst().orElse(tiers.getFirst());
    }

    public TierRule lowestTier() {
        return tiers.getFirst();
    }

    /** The highest tier whose threshold {@code qualifyingPoints} reach. */
    public TierRule tierFor(long qualifyingPoints) {
        TierRule reached = tiers.getFirst();
        for (TierRule tier : tiers) {
            if (qualifyingPoints >= tier.threshold()) {
                reached = tier;
            }
        }
        return reached;
    }

    /** The tier above {@code name}, if any. */
    public Optional<TierRule> above(String name) {
        int index = tiers.indexOf(tier(name));
        return index + 1 < tiers.size() ? Optional.of(tiers.get(index + 1)) : Optional.empty();
    }

    public int rank(String name) {
        return tiers.indexOf(tier(name));
    }

    public Instant availableAt(Instant earnedAt) {
        return earnedAt.plus(Duration.ofDays(pendingDays));
    }

    public Instant expiresAt(Instant earnedAt) {
        return earnedAt.atOffset(ZoneOffset.UTC).plusMonths(expiryMonths).toInstant();
    }

    /** Start of the rolling tier window that ends at {@code now}. */
    public Instant tierWindowStart(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(tierWindowMonths).toInstant();
    }
}
