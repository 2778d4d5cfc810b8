package dev.rapport.feedback.domain.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Service-level targets by customer class and priority. Deadlines count business time on
 * {@code calendar} ({@link BusinessCalendar#ALWAYS} counts every hour). Which loyalty tiers are "top"
 * is part of the policy. Warnings go out {@code warningBefore} a deadline (elapsed time).
 */
public record SlaPolicy(Map<ServiceClass, SlaTargets> targets, Set<String> topTiers, Duration warningBefore,
                        BusinessCalendar calendar) {

    public SlaPolicy {
        Objects.requireNonNull(warningBefore, "warningBefore");
        Objects.requireNonNull(calendar, "calendar");
        targets = Map.copyOf(new EnumMap<>(targets));
        topTiers = Set.copyOf(topTiers);
        for (ServiceClass c : ServiceClass.values()) {
            if (!targets.containsKey(c)) {
                throw new IllegalArgumentException("no SLA targets for class " + c.wireName());
            }
        }
    }

    /** The class of a customer with this ABC class and loyalty tier (either null when unknown). */
    public ServiceClass classOf(String abcClass, String loyaltyTier) {
        return ServiceClass.of(abcClass, loyaltyTier, topTiers);
    }

    public Instant firstResponseDue(ServiceClass serviceClass, Instant openedAt) {
        return calendar.plus(openedAt, targets.get(serviceClass).firstResponse());
    }

    public Instant resolutionDue(ServiceClass serviceClass, ComplaintPriority priority, Instant openedAt) {
        return calendar.plus(openedAt, targets.get(serviceClass).resolution().get(priority));
    }
}
