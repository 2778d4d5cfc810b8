package dev.rapport.customer.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.rapport.customer.domain.engagement.FollowUpCalendar;

/** Hands the configured follow-up zone to the core as a domain value (the core never reads config). */
public class FollowUpCalendarProducer {

    @Produces
    @Singleton
    FollowUpCalendar followUpCalendar(CustomerServiceConfig config) {
        return new FollowUpCalendar(config.followUps().zone());
    }
}
