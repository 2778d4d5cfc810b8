package dev.rapport.loyalty.application.port.in.account;

import java.util.UUID;

import dev.rapport.kernel.paging.PageRequest;

public record ListLedgerQuery(UUID customerId, PageRequest page) {
}
