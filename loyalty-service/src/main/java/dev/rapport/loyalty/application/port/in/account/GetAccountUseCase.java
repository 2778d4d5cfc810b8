package dev.rapport.loyalty.application.port.in.account;

import dev.rapport.loyalty.domain.account.AccountView;

public interface GetAccountUseCase {

    AccountView get(GetAccountQuery query);
}
