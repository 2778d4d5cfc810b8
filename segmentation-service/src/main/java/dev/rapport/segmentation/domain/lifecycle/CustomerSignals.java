package dev.rapport.segmentation.domain.lifecycle;

import java.time.Instant;

/**
 * What the feedback and loyalty services said about a customer: the last NPS answer (0–10) and the last
 * satisfaction rating (1–5), complaints open and complaints that breached their SLA, the last loyalty activity
 * (points earned or redeemed, a tier change), points that expired unused, and whether the customer is a member.
 */
public record CustomerSignals(Integer lastNps, Integer lastCsat, int openComplaints, int breachedComplaints,
        Instant lastLoyaltyActivity, long pointsExpired, boolean loyaltyMember) {

    public static final CustomerSignals NONE = new CustomerSignals(null, null, 0, 0, null, 0, false);
}
