package dev.rapport.loyalty.application.port.in.account;

import java.util.List;
import java.util.UUID;

public interface AwardBirthdayBonusUseCase {

    /** Members whose birthday this year is today or in the last few days and who have no bonus this year. */
    List<UUID> accountsWithBirthdayDue(int limit);

    /** At most one birthday bonus per account and calendar year. */
    boolean award(UUID customerId);
}
