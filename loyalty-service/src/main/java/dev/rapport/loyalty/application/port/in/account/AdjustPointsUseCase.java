package dev.rapport.loyalty.application.port.in.account;

import dev.rapport.loyalty.domain.account.LedgerEntry;

public interface AdjustPointsUseCase {

    LedgerEntry adjust(AdjustPointsCommand command);
}
