package dev.rapport.customer.domain.customer;

import dev.rapport.customer.domain.identity.CustomerMerge;
import dev.rapport.customer.domain.identity.MergeNotPossibleException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.rapport.customer.domain.event.CustomerDomainEvent;
import dev.rapport.customer.domain.event.CustomerRegistered;
import dev.rapport.customer.domain.event.CustomerUpdated;
import dev.rapport.customer.domain.event.CustomersMerged;

/**
 * The customer record, aggregate root of level one. Holds the profile, when it was created and
 * changed, and a version that grows by one with every change (the HTTP ETag). State changes raise
 * domain events which the application publishes in the same transaction.
 */
public final class Customer {

    private final CustomerId id;
    private CustomerProfile profile;
    private final ReferralCode referralCode;
    private final Instant createdAt;
    private Instant updatedAt;
    private long version;
    private Instant erasedAt;
    private final List<CustomerDomainEvent> pendingEvents = new ArrayList<>();

    private Customer(CustomerId id, CustomerProfile profile, ReferralCode referralCode, Instant createdAt,
                     Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.referralCode = referralCode;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        this.version = version;
    }

    public static Customer register(CustomerId id, CustomerProfile profile, ReferralCode referralCode, Instant now) {
        Customer customer = new Customer(id, profile, referralCode, now, now, 0);
        customer.pendingEvents.add(new CustomerRegistered(id, profile, referralCode, now));
        return customer;
    }

    /** Rebuilds a stored customer; raises no event. */
    public static Customer restore(CustomerId id, CustomerProfile profile, ReferralCode referralCode,
                                   Instant createdAt, Instant updatedAt, long version) {
        return new Customer(id, profile, referralCode, createdAt, updatedAt, version);
    }

    /** Rebuilds a stored customer that may have been erased ({@code erasedAt} null when not). */
    public static Customer restore(CustomerId id, CustomerProfile profile, ReferralCode referralCode,
                                   Instant createdAt, Instant updatedAt, long version, Instant erasedAt) {
        Customer customer = new Customer(id, profile, referralCode, createdAt, updatedAt, version);
        if (erasedAt != null && !profile.isErased()) {
            throw new IllegalArgumentException("an erased customer must have the erased profile");
        }
        customer.erasedAt = erasedAt;
        return customer;
    }

    /**
     * GDPR erasure: scrubs the profile (see {@link CustomerProfile#erased()}) and marks the record
     * erased, so it stays for aggregates (purchases keep their customer) but identifies nobody. An
     * erased customer cannot be changed again. Raises no customer-updated event: the erasure itself
     * is announced by the use case (it carries the erasure's id).
     */
    public void erase(Instant now) {
        requireNotErased();
        profile = profile.erased();
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
        erasedAt = updatedAt;
        version++;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** Null unless erased. */
    public Instant erasedAt() {
        return erasedAt;
    }

    /** @throws CustomerErasedException when this customer was erased */
    public void requireNotErased() {
        if (erasedAt != null) {
            throw new CustomerErasedException(id, erasedAt);
        }
    }

    /**
     * Replaces the profile. Returns the names of the fields that changed; when none did, nothing
     * happens (no new version, no event), so repeating an update is harmless.
     */
    public List<String> update(CustomerProfile newProfile, Instant now) {
        Objects.requireNonNull(newProfile, "newProfile");
        requireNotErased();
        List<String> changed = newProfile.changedFieldsSince(profile);
        if (changed.isEmpty()) {
            return changed;
        }
        profile = newProfile;
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
        version++;
        pendingEvents.add(new CustomerUpdated(id, changed, profile, version, updatedAt));
        return changed;
    }

    /**
     * Takes in a duplicate record of the same person by the rules of {@link CustomerMerge}. Always a
     * new version (the customer now owns more: purchases, history); raises customers-merged, plus
     * customer-updated when fields were filled in. Returns the names of the fields that changed.
     */
    public List<String> absorb(Customer duplicate, Instant now) {
        Objects.requireNonNull(duplicate, "duplicate");
        if (duplicate.id.equals(id)) {
            throw MergeNotPossibleException.intoItself(id);
        }
        CustomerProfile merged = CustomerMerge.profiles(profile, duplicate.profile);
        List<String> changed = merged.changedFieldsSince(profile);
        profile = merged;
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
        version++;
        pendingEvents.add(new CustomersMerged(id, duplicate.id, updatedAt));
        if (!changed.isEmpty()) {
            pendingEvents.add(new CustomerUpdated(id, changed, profile, version, updatedAt));
        }
        return changed;
    }

    /** Hands the events raised since the last call to the caller, who publishes them. */
    public List<CustomerDomainEvent> pullEvents() {
        List<CustomerDomainEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    public CustomerId id() {
        return id;
    }

    public CustomerProfile profile() {
        return profile;
    }

    public ReferralCode referralCode() {
        return referralCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
