package dev.rapport.feedback.adapter.in.rest.feedback;

import dev.rapport.feedback.domain.feedback.Feedback;
import dev.rapport.kernel.WireNames;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Feedback", description = "Stored feedback with its analysis; text is null after erasure")
public record FeedbackResponse(
        UUID id,
        UUID customerId,
        @Schema(maxLength = 20, examples = "review") String channel,
        @Schema(minimum = "1", maximum = "5", nullable = true) Integer rating,
        @Schema(maxLength = 20000, nullable = true) String text,
        @Schema(enumeration = {"zh", "en", "other"}, maxLength = 5) String language,
        @Schema(enumeration = {"positive", "neutral", "negative"}, maxLength = 8) String sentiment,
        @Schema(minimum = "-1", maximum = "1") double sentimentScore,
        @Schema(maxItems = 50) List<String> topics,
        Instant receivedAt,
        @Schema(nullable = true, format = "date-time") Instant erasedAt) {

    public static FeedbackResponse of(Feedback f) {
        return new FeedbackResponse(f.id(), f.customerId(), WireNames.of(f.channel()), f.rating(), f.text(),
                WireNames.of(f.analysis().language()), WireNames.of(f.analysis().sentiment()), f.analysis().score(),
                f.analysis().topics(), f.receivedAt(), f.erasedAt());
    }
}
