package dev.rapport.customer.domain.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's current consent per channel and purpose, derived from the append-only history: for
 * each pair the record with the latest {@code capturedAt} wins, and of records captured at the same
 * instant the one recorded last. No record means no consent.
 */
public final class ConsentState {

    private final Map<ConsentKey, ConsentRecord> current;

    private ConsentState(Map<ConsentKey, ConsentRecord> current) {
        this.current = current;
    }

    /** @param history every record of one customer, in the order they were recorded (oldest first) */
    public static ConsentState of(List<ConsentRecord> history) {
        Map<ConsentKey, ConsentRecord> current = new LinkedHashMap<>();
        for (ConsentRecord record : history) {
            // Not before: a later record captured at the same instant replaces the earlier one.
            current.merge(record.key(), record,
                    (kept, candidate) -> candidate.capturedAt().isBefore(kept.capturedAt()) ? kept : candidate);
        }
        return new ConsentState(current);
    }

    public static ConsentState empty() {
        return of(List.of());
    }

    /** True only when the current status for this channel and purpose is granted. */
    public boolean permits(ConsentChannel channel, ConsentPurpose purpose) {
        return statusOf(channel, purpose).filter(ConsentStatus.GRANTED::equals).isPresent();
    }

    public Optional<ConsentStatus> statusOf(ConsentChannel channel, ConsentPurpose purpose) {
        return currentOf(channel, purpose).map(ConsentRecord::status);
    }

    public Optional<ConsentRecord> currentOf(ConsentChannel channel, ConsentPurpose purpose) {
        return Optional.ofNullable(current.get(new ConsentKey(channel, purpose)));
    }

    /** The current record of every pair that has one, ordered by channel then purpose. */
    public List<ConsentRecord> current() {
        return current.values().stream().sorted((a, b) -> ConsentKey.ORDER.compare(a.key(), b.key())).toList();
    }

    /**
     * This state after {@code record} is appended, and whether the current status of its pair
     * changed (a first record counts as a change; a back-dated one that does not become current, or
     * one repeating the current status, does not).
     */
    public Appended append(ConsentRecord record) {
        Optional<ConsentStatus> before = statusOf(record.channel(), record.purpose());
        Map<ConsentKey, ConsentRecord> next = new LinkedHashMap<>(current);
        next.merge(record.key(), record,
                (kept, candidate) -> candidate.capturedAt().isBefore(kept.capturedAt()) ? kept : candidate);
        ConsentState after = new ConsentState(next);
        ConsentRecord now = after.current.get(record.key());
        boolean changed = before.isEmpty() || before.get() != now.status();
        return new Appended(after, now, changed);
    }

    /** {@code current} is the pair's current record after appending (not necessarily the appended one). */
    public record Appended(ConsentState state, ConsentRecord current, boolean statusChanged) {
    }
}
