package dev.rapport.customer.domain.privacy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where an erasure stands: which of the required services have confirmed and which are still
 * pending. A confirmation from a service that is not required is listed (it did erase something)
 * but does not count towards completion; the first confirmation of a service is the one kept.
 */
public record ErasureProgress(Erasure erasure, SortedSet<ServiceName> requiredServices,
                              List<ErasureConfirmation> confirmed, SortedSet<ServiceName> pending) {

    /** How many services configuration may require to confirm an erasure. */
    public static final int MAX_REQUIRED_SERVICES = 32;

    public ErasureProgress {
        Objects.requireNonNull(erasure, "erasure");
        requiredServices = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(requiredServices));
        confirmed = List.copyOf(confirmed);
        pending = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(pending));
    }

    public static ErasureProgress of(Erasure erasure, Iterable<ServiceName> requiredServices,
                                     List<ErasureConfirmation> confirmations) {
        Map<ServiceName, ErasureConfirmation> firstPerService = new LinkedHashMap<>();
        confirmations.stream()
                .sorted(Comparator.comparing(ErasureConfirmation::confirmedAt))
                .forEach(c -> firstPerService.putIfAbsent(c.service(), c));
        TreeSet<ServiceName> required = new TreeSet<>();
        requiredServices.forEach(required::add);
        TreeSet<ServiceName> pending = new TreeSet<>(required);
        pending.removeAll(firstPerService.keySet());
        return new ErasureProgress(erasure, required, List.copyOf(firstPerService.values()), pending);
    }

    /** Every required service has confirmed. */
    public boolean complete() {
        return pending.isEmpty();
    }
}
