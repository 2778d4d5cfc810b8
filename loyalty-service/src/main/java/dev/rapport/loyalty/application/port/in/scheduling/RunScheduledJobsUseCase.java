package dev.rapport.loyalty.application.port.in.scheduling;

public interface RunScheduledJobsUseCase {

    record Report(boolean ran, long pointsExpired, int reminders, int birthdayBonuses) {
    }

    /** Expiry, expiring reminders and birthday bonuses that are due now, in one instance only. */
    Report runDue();
}
