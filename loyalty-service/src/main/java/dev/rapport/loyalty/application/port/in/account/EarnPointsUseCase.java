package dev.rapport.loyalty.application.port.in.account;

import java.util.List;

public interface EarnPointsUseCase {

    /** Exactly one earn entry per account and order id, however often the purchase is delivered. */
    void earn(EarnPointsCommand command);

    /** The same for several purchases in one transaction, sharing the reads and writes between them. */
    void earnAll(List<EarnPointsCommand> commands);
}
