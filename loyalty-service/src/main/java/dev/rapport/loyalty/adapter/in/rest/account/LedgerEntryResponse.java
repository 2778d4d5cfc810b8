package dev.rapport.loyalty.adapter.in.rest.account;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.loyalty.domain.account.LedgerEntry;

@Schema(name = "LedgerEntry", description = "One line of the append-only points ledger")
public record LedgerEntryResponse(
        @Schema(format = "uuid", maxLength = 36, examples = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c") String id,
        @Schema(enumeration = {"earn", "redeem", "expire", "adjust", "reverse", "referral-bonus", "birthday-bonus",
                "merge-in", "merge-out"}, maxLength = 20, examples = "earn") String type,
        @Schema(description = "Signed: credits positive", minimum = "-100000000000", maximum = "100000000000", examples = "120") long points,
        @Schema(description = "Balance after this entry", minimum = "-100000000000", maximum = "100000000000", examples = "1370") long runningBalance,
        @Schema(maxLength = 500, examples = "purchase A-1001") String reason,
        Source source,
        @Schema(description = "When it happened (the purchase date for an earn)", format = "date-time", maxLength = 35) Instant occurredAt,
        @Schema(description = "When it was recorded: the ledger's order", format = "date-time", maxLength = 35) Instant recordedAt) {

    @Schema(name = "LedgerSource")
    public record Source(
            @Schema(enumeration = {"order", "return", "redemption", "reward", "agent", "referral", "birthday", "expiry",
                    "merge"}, maxLength = 20, examples = "order") String type,
            @Schema(maxLength = 200, nullable = true, examples = "A-1001") String id,
            @Schema(maxLength = 200, nullable = true, description = "The agent of an adjustment", examples = "agent-7") String agent) {
    }

    static LedgerEntryResponse of(LedgerEntry e) {
        return new LedgerEntryResponse(e.id().toString(), e.type().wireName(), e.points(), e.runningBalance(), e.reason(),
                new Source(e.sourceType(), e.sourceId(), e.agent()), e.occurredAt(), e.recordedAt());
    }
}
