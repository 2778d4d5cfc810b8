package dev.rapport.customer.application.port.in.identity;

import dev.rapport.customer.domain.customer.CustomerSummary;

import java.util.List;

import dev.rapport.customer.domain.identity.DuplicateReason;

/** Another live customer that probably is the same person, why, and how sure (0..1). */
public record LikelyDuplicate(CustomerSummary customer, List<DuplicateReason> reasons, double score) {

    public LikelyDuplicate {
        reasons = List.copyOf(reasons);
    }
}
