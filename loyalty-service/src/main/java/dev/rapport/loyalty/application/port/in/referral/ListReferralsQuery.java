package dev.rapport.loyalty.application.port.in.referral;

import java.util.UUID;

import dev.rapport.kernel.paging.PageRequest;

public record ListReferralsQuery(UUID customerId, PageRequest page) {
}
