package dev.rapport.customer.application.port.out.identity;

import java.util.List;
import java.util.Set;

import dev.rapport.customer.domain.customer.CustomerSummary;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.identity.DuplicateReason;

/** Finds stored customers that look like the same person (indexed look-ups, no table scans). */
public interface DuplicateFinder {

    /** Live customers other than {@code customer} matching at least one {@link DuplicateReason}. */
    List<Match> findLikelyDuplicates(Customer customer, int limit);

    record Match(CustomerSummary customer, Set<DuplicateReason> reasons) {

        public Match {
            reasons = Set.copyOf(reasons);
        }
    }
}
