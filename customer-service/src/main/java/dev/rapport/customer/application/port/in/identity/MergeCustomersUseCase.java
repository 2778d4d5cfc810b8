package dev.rapport.customer.application.port.in.identity;

import dev.rapport.customer.domain.customer.Customer;

public interface MergeCustomersUseCase {

    /**
     * Moves everything of the duplicate to the survivor in one transaction and leaves the duplicate
     * as a tombstone pointing to the survivor. Returns the survivor after the merge.
     *
     * @throws dev.rapport.customer.domain.identity.MergeNotPossibleException into itself, or a limit would break
     * @throws dev.rapport.customer.domain.identity.MergePartyNotFoundException survivor or duplicate unknown
     * @throws dev.rapport.customer.domain.identity.MergePartyMergedException survivor or duplicate already a tombstone
     * @throws dev.rapport.customer.domain.customer.StaleVersionException If-Match does not name the survivor's version
     */
    Customer merge(MergeCustomersCommand command);
}
