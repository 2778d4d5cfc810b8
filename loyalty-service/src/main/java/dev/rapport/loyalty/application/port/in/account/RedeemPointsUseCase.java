package dev.rapport.loyalty.application.port.in.account;

import dev.rapport.loyalty.domain.account.Redemption;

public interface RedeemPointsUseCase {

    Redemption redeem(RedeemPointsCommand command);
}
