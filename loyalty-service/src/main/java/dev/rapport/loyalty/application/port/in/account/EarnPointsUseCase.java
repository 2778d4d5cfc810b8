package dev.rapport.loyalty.application.port.in.account;

public interface EarnPointsUseCase {

    /** Exactly one earn entry per account and order id, however often the purchase is delivered. */
    void earn(EarnPointsCommand command);
}
