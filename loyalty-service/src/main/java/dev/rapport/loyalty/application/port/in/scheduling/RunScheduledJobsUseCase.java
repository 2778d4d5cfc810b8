package dev.rapport.loyalty.application.port.in.scheduling;

public interface RunScheduledJobsUseCase {

    record Report(boolean ran, long pointsExpired, int reminders, int birthdayBonuses) {
    }

    /** Expiry, expiring reminders, birthday bonuses and tier anniversaries that are due now, in one instance only. */
    Report runDue();
}
