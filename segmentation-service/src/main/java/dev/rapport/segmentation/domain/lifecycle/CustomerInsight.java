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
        return cadenceDays(ChronoUnit.DAYS.between(v.firstPurchase(), v.lastPurchase()), v.frequency(), policy);
    }

    /** The cadence from the days between first and last purchase and the number of purchases. */
    public static double cadenceDays(long spanDays, int frequency, LifecyclePolicy policy) {
        return frequency > 1 && spanDays > 0 ? (double) spanDays / (frequency - 1) : policy.fallbackCadenceDays();
    }

    /**
     * Whether moving the asOf from {@code fromDay} to {@code toDay} (epoch days) can change the stage, churn
     * level or relationship level of a customer whose row (purchase dates, purchases, monetary, ABC class, spend
     * windows) and signals stay the same. The date enters them only through the recency (days since the last
     * purchase, not below 0) against the thresholds {@link #stage} and {@link #churnRisk} test (churned, at risk,
     * past one cadence) and through the loyalty inactivity limit; false thus proves them equal on both days (the
     * reasons name the recency and do change). {@code scored}: the customer has a row ({@code firstDay}, {@code lastDay}
     * and {@code frequency} are then its values); {@code loyaltyActivityDay}: the day of the last loyalty
     * activity in the business zone, when {@code loyaltyActivity}.
     */
    public static boolean dayCanMove(boolean scored, long firstDay, long lastDay, int frequency, boolean loyaltyMember,
            boolean loyaltyActivity, long loyaltyActivityDay, long fromDay, long toDay, LifecyclePolicy policy) {
        if (loyaltyInactive(loyaltyMember, loyaltyActivity, loyaltyActivityDay, fromDay, policy)
                != loyaltyInactive(loyaltyMember, loyaltyActivity, loyaltyActivityDay, toDay, policy)) {
            return true;
        }
        if (!scored) {
            return false;
        }
        double cadence = cadenceDays(lastDay - firstDay, frequency, policy);
        return recencyThresholds(Math.max(0, fromDay - lastDay), cadence, policy)
                != recencyThresholds(Math.max(0, toDay - lastDay), cadence, policy);
    }

    /** The recency thresholds stage and churn risk test, one bit each. */
    private static int recencyThresholds(long recencyDays, double cadence, LifecyclePolicy policy) {
        return (churned(recencyDays, cadence, policy) ? 4 : 0) | (atRisk(recencyDays, cadence, policy) ? 2 : 0)
                | (pastCadence(recencyDays, Math.round(cadence)) ? 1 : 0);
    }

    private static boolean churned(long recencyDays, double cadence, LifecyclePolicy policy) {
        return recencyDays > policy.churnedMultiple() * cadence;
    }

    private static boolean atRisk(long recencyDays, double cadence, LifecyclePolicy policy) {
        return recencyDays > policy.atRiskMultiple() * cadence;
    }

    private static boolean pastCadence(long recencyDays, long roundedCadence) {
        return recencyDays > roundedCadence;
    }

    /** A member without loyalty activity (or with none for over the inactivity limit) as of {@code asOfDay}. */
    private static boolean loyaltyInactive(boolean member, boolean activity, long activityDay, long asOfDay,
            LifecyclePolicy policy) {
        return member && (!activity || asOfDay - activityDay > policy.loyaltyInactiveDays());
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
        if (churned(v.recencyDays(), cadence, policy)) {
            return LifecycleStage.CHURNED;
        }
        if (atRisk(v.recencyDays(), cadence, policy)) {
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
            } else if (pastCadence(v.recencyDays(), cadence)) {
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
        if (loyaltyInactive(s.loyaltyMember(), s.lastLoyaltyActivity() != null, s.lastLoyaltyActivity() == null ? 0
                : LocalDate.ofInstant(s.lastLoyaltyActivity(), zone).toEpochDay(), asOf.toEpochDay(), policy)) {
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
