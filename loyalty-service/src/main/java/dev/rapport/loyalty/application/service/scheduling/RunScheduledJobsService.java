package dev.rapport.loyalty.application.service.scheduling;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.loyalty.application.port.in.account.AwardBirthdayBonusUseCase;
import dev.rapport.loyalty.application.port.in.account.EvaluateTiersUseCase;
import dev.rapport.loyalty.application.port.in.account.ExpirePointsUseCase;
import dev.rapport.loyalty.application.port.in.account.RemindExpiringPointsUseCase;
import dev.rapport.loyalty.application.port.in.scheduling.RunScheduledJobsUseCase;
import dev.rapport.loyalty.application.port.out.scheduling.JobLock;

/**
 * The scheduled work. Two guards make it run once however many instances there are: the job lock
 * (one instance works at a time) and the state each step checks under the account's row lock (a lot
 * expires once, a reminder is sent once per expiry date, a birthday bonus once per year), so a
 * restart in the middle of a batch neither misses nor repeats anything.
 */
@ApplicationScoped
public class RunScheduledJobsService implements RunScheduledJobsUseCase {

    static final String JOB = "loyalty-scheduled-work";
    private static final Logger LOG = Logger.getLogger(RunScheduledJobsService.class);
    private static final int BATCH = 500;
    private static final int MAX_BATCHES = 100;

    private final JobLock lock;
    private final ExpirePointsUseCase expiry;
    private final RemindExpiringPointsUseCase reminders;
    private final AwardBirthdayBonusUseCase birthdays;
    private final EvaluateTiersUseCase tiers;

    public RunScheduledJobsService(JobLock lock, ExpirePointsUseCase expiry, RemindExpiringPointsUseCase reminders,
                                   AwardBirthdayBonusUseCase birthdays, EvaluateTiersUseCase tiers) {
        this.lock = lock;
        this.expiry = expiry;
        this.reminders = reminders;
        this.birthdays = birthdays;
        this.tiers = tiers;
    }

    /** Works through what {@code due} lists, a batch at a time; an account that needs nothing returns false. */
    private static void runAll(java.util.function.IntFunction<java.util.List<UUID>> due,
                               java.util.function.Predicate<UUID> step) {
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            var ids = due.apply(BATCH);
            int done = 0;
            for (UUID id : ids) {
                if (step.test(id)) {
                    done++;
                }
            }
            if (ids.size() < BATCH || done == 0) {
                break;
            }
        }
    }

    @Override
    public Report runDue() {
        AtomicLong expired = new AtomicLong();
        AtomicInteger reminded = new AtomicInteger();
        AtomicInteger bonuses = new AtomicInteger();
        boolean ran = lock.runExclusively(JOB, () -> {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                var due = expiry.accountsWithDueExpiry(BATCH);
                due.forEach(id -> expired.addAndGet(expiry.expire(id)));
                if (due.size() < BATCH) {
                    break;
                }
            }
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                var due = reminders.accountsToRemind(BATCH);
                for (UUID id : due) {
                    if (reminders.remind(id)) {
                        reminded.incrementAndGet();
                    }
                }
                if (due.size() < BATCH) {
                    break;
                }
            }
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                var due = birthdays.accountsWithBirthdayDue(BATCH);
                for (UUID id : due) {
                    if (birthdays.award(id)) {
                        bonuses.incrementAndGet();
                    }
                }
                if (due.size() < BATCH) {
                    break;
                }
            }
            runAll(tiers::accountsToWarn, tiers::warn);
            runAll(tiers::accountsWithAnniversaryDue, tiers::evaluate);
        });
        if (ran && (expired.get() > 0 || reminded.get() > 0 || bonuses.get() > 0)) {
            LOG.infof("scheduled work: %d points expired, %d reminders, %d birthday bonuses", expired.get(),
                    reminded.get(), bonuses.get());
        }
        return new Report(ran, expired.get(), reminded.get(), bonuses.get());
    }
}
