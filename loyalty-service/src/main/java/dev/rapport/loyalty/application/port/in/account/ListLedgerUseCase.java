package dev.rapport.loyalty.application.port.in.account;

import dev.rapport.kernel.paging.Page;
import dev.rapport.loyalty.domain.account.LedgerEntry;

public interface ListLedgerUseCase {

    /** Oldest first, in the order the entries were recorded (the order of the running balance). */
    Page<LedgerEntry> list(ListLedgerQuery query);
}
