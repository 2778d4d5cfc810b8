package dev.rapport.loyalty.application.service.account;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.paging.Page;
import dev.rapport.loyalty.application.port.in.account.ListLedgerQuery;
import dev.rapport.loyalty.application.port.in.account.ListLedgerUseCase;
import dev.rapport.loyalty.application.port.out.account.AccountRepository;
import dev.rapport.loyalty.application.port.out.account.LedgerRepository;
import dev.rapport.loyalty.domain.account.AccountNotFoundException;
import dev.rapport.loyalty.domain.account.LedgerEntry;

@ApplicationScoped
public class ListLedgerService implements ListLedgerUseCase {

    private final AccountRepository accounts;
    private final LedgerRepository ledger;

    public ListLedgerService(AccountRepository accounts, LedgerRepository ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    @Override
    public Page<LedgerEntry> list(ListLedgerQuery query) {
        accounts.find(query.customerId()).orElseThrow(() -> new AccountNotFoundException(query.customerId()));
        return ledger.page(query.customerId(), query.page());
    }
}
