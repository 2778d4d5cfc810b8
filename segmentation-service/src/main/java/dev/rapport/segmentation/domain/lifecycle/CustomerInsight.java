package dev.rapport.segmentation.domain.lifecycle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.RfmValues;

/**
 * Lifecycle stage, churn risk and relationship level of one customer, derived from its RFM values, ABC class,
 * spend trend and the feedback and loyalty signals.
 */
public record CustomerInsight(LifecycleStage stage, ChurnRisk churnRisk, RelationshipLevel relationship) {

    public CustomerInsight {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(churnRisk, "churnRisk");
        Objects.requireNonNull(relationship, "relationship");
    }

    /** The customer's own cadence: days between first and last purchase / (purchases − 1), or the fallback. */
    public static double cadenceDays(RfmValues v, LifecyclePolicy policy) {
        long span = ChronoUnit.DAYS.between(v.firstPurchase(), v.lastPurchase());
        return v.frequency() > 1 && span > 0 ? (double) span / (v.frequency() - 1) : policy.fallbackCadenceDays();
    }

    public static CustomerInsight of(CustomerScore score, SpendTrend trend, CustomerSignals signals, LocalDate asOf,
            ZoneId zone, LifecyclePolicy policy) {
        return of(score, trend, signals, asOf, zone, policy, true);
    }

    /**
     * As {@link #of(CustomerScore, SpendTrend, CustomerSignals, LocalDate, ZoneId, LifecyclePolicy)}; without
     * {@code explained} the reasons are left empty (stage and levels are the same): a recompute compares a
     * million customers' levels and needs the reasons only of those whose levels moved.
     */
    public static CustomerInsight of(CustomerScore score, SpendTrend trend, CustomerSignals signals, LocalDate asOf,
            ZoneId zone, LifecyclePolicy policy, boolean explained) {
        LifecycleStage stage = stage(score, policy);
        ChurnRisk risk = churnRisk(score, stage, trend, signals, asOf, zone, policy, explained);
        return new CustomerInsight(stage, risk, relationship(score, stage, risk, signals, policy, explained));
    }

    static LifecycleStage stage(CustomerScore score, LifecyclePolicy policy) {
        if (score == null) {
            return LifecycleStage.PROSPECT;
        }
        RfmValues v = score.values();
        double cadence = cadenceDays(v, policy);
        if (v.recencyDays() > policy.churnedMultiple() * cadence) {
            return LifecycleStage.CHURNED;
        }
        if (v.recencyDays() > policy.atRiskMultiple() * cadence) {
            return LifecycleStage.AT_RISK;
        }
        if (v.frequency() == 1) {
            return LifecycleStage.NEW;
        }
        return v.frequency() >= policy.loyalPurchases() ? LifecycleStage.LOYAL : LifecycleStage.REPEAT;
    }

    static ChurnRisk churnRisk(CustomerScore score, LifecycleStage stage, SpendTrend trend, CustomerSignals s,
            LocalDate asOf, ZoneId zone, LifecyclePolicy policy, boolean explained) {
        int points = 0;
        List<String> reasons = explained ? new ArrayList<>() : null;
        if (score != null) {
            RfmValues v = score.values();
            long cadence = Math.round(cadenceDays(v, policy));
            if (stage == LifecycleStage.CHURNED) {
                points += policy.highRiskPoints();
                if (reasons != null) {
                    reasons.add("no purchase for " + v.recencyDays() + " days, over " + policy.churnedMultiple()
                            + " times the customer's cadence of " + cadence + " days");
                }
            } else if (stage == LifecycleStage.AT_RISK) {
                points += 2;
                if (reasons != null) {
                    reasons.add("no purchase for " + v.recencyDays() + " days, over " + policy.atRiskMultiple()
                            + " times the customer's cadence of " + cadence + " days");
                }
            } else if (v.recencyDays() > cadence) {
                points += 1;
                if (reasons != null) {
                    reasons.add("no purchase for " + v.recencyDays() + " days, past the customer's cadence of " + cadence
                            + " days");
                }
            }
            if (trend.previous().signum() > 0
                    && trend.recent().compareTo(trend.previous().multiply(policy.fallingSpendRatio())) < 0) {
                points += 1;
                if (reasons != null) {
                    reasons.add("spend falling: " + trend.recent().toPlainString() + " in the last "
                            + policy.spendWindowDays() + " days against " + trend.previous().toPlainString()
                            + " in the " + policy.spendWindowDays() + " days before");
                }
            }
        }
        if (s.lastNps() != null && s.lastNps() <= policy.npsDetractorMax()) {
            points += 2;
            if (reasons != null) {
                reasons.add("NPS detractor (last answer " + s.lastNps() + ")");
            }
        }
        if (s.lastCsat() != null && s.lastCsat() <= policy.lowCsatMax()) {
            points += 1;
            if (reasons != null) {
                reasons.add("low satisfaction (last rating " + s.lastCsat() + ")");
            }
        }
        if (s.breachedComplaints() > 0) {
            points += 2;
            if (reasons != null) {
                reasons.add(s.breachedComplaints() + " complaint(s) breached their SLA");
            }
        }
        if (s.openComplaints() > 0) {
            points += 1;
            if (reasons != null) {
                reasons.add(s.openComplaints() + " complaint(s) open");
            }
        }
        if (s.loyaltyMember() && (s.lastLoyaltyActivity() == null || ChronoUnit.DAYS.between(
                LocalDate.ofInstant(s.lastLoyaltyActivity(), zone), asOf) > policy.loyaltyInactiveDays())) {
            points += 1;
            if (reasons != null) {
                reasons.add("no loyalty activity for over " + policy.loyaltyInactiveDays() + " days");
            }
        }
        if (s.pointsExpired() > 0) {
            points += 1;
            if (reasons != null) {
                reasons.add(s.pointsExpired() + " loyalty points expired unused");
            }
        }
        ChurnLevel level = points >= policy.highRiskPoints() ? ChurnLevel.HIGH
                : points >= policy.mediumRiskPoints() ? ChurnLevel.MEDIUM : ChurnLevel.LOW;
        return new ChurnRisk(level, reasons == null ? List.of() : reasons);
    }

    /**
     * 1 basic record: the customer is known. 2 satisfied: has bought and gave no negative feedback. 3 trusted:
     * bought more than once, no complaint open or breached, churn risk not high. 4 loyal: lifecycle loyal or an
     * active loyalty member, churn risk low. 5 partner: loyal and an A-class key account.
     */
    static RelationshipLevel relationship(CustomerScore score, LifecycleStage stage, ChurnRisk risk, CustomerSignals s,
            LifecyclePolicy policy, boolean explained) {
        List<String> reasons = explained ? new ArrayList<>() : null;
        if (reasons != null) {
            reasons.add("known customer");
        }
        boolean negative = (s.lastNps() != null && s.lastNps() <= policy.npsDetractorMax())
                || (s.lastCsat() != null && s.lastCsat() <= policy.lowCsatMax());
        if (score == null) {
            if (reasons != null) {
                reasons.add("next: a first purchase");
            }
            return new RelationshipLevel(1, reasons == null ? List.of() : reasons);
        }
        if (negative) {
            if (reasons != null) {
                reasons.add("next: negative feedback stands in the way of 'satisfied'");
            }
            return new RelationshipLevel(1, reasons == null ? List.of() : reasons);
        }
        if (reasons != null) {
            reasons.add("has bought, no negative feedback");
        }
        if (score.values().frequency() < 2 || s.openComplaints() > 0 || s.breachedComplaints() > 0
                || risk.level() == ChurnLevel.HIGH) {
            if (reasons != null) {
                reasons.add(score.values().frequency() < 2 ? "next: a repeat purchase"
                        : s.openComplaints() > 0 || s.breachedComplaints() > 0 ? "next: complaints resolved within SLA"
                        : "next: churn risk below high");
            }
            return new RelationshipLevel(2, reasons == null ? List.of() : reasons);
        }
        if (reasons != null) {
            reasons.add("repeat buyer, no open or breached complaints");
        }
        boolean loyal = stage == LifecycleStage.LOYAL || (s.loyaltyMember() && stage != LifecycleStage.AT_RISK
                && stage != LifecycleStage.CHURNED);
        if (!loyal || risk.level() != ChurnLevel.LOW) {
            if (reasons != null) {
                reasons.add(!loyal ? "next: loyal purchase cadence or an active loyalty membership" : "next: churn risk low");
            }
            return new RelationshipLevel(3, reasons == null ? List.of() : reasons);
        }
        if (reasons != null) {
            reasons.add(stage == LifecycleStage.LOYAL ? "loyal purchase cadence" : "active loyalty member");
        }
        if (score.abcClass() != AbcClass.A) {
            if (reasons != null) {
                reasons.add("next: A-class key account (now " + score.abcClass() + ")");
            }
            return new RelationshipLevel(4, reasons == null ? List.of() : reasons);
        }
        if (reasons != null) {
            reasons.add("A-class key account");
        }
        return new RelationshipLevel(5, reasons == null ? List.of() : reasons);
    }
}
