package dev.rapport.customer.api;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.out.identity.MergeParticipant;
import dev.rapport.customer.domain.customer.CustomerId;

/**
 * A participant that fails for duplicates a test marks, after every real participant ran (highest
 * order): proves that a failure late in a merge leaves nothing of it behind.
 */
@ApplicationScoped
public class FailingMergeParticipant implements MergeParticipant {

    static final Set<UUID> FAIL_FOR = ConcurrentHashMap.newKeySet();

    @Override
    public void moveAll(CustomerId from, CustomerId to) {
        if (FAIL_FOR.contains(from.value())) {
            throw new IllegalStateException("simulated failure while moving data of " + from);
        }
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }
}
