package dev.rapport.loyalty.application.port.in.account;

public interface MergeAccountsUseCase {

    void merge(MergeAccountsCommand command);
}
