package dev.rapport.feedback.adapter.in.rest.feedback;

import dev.rapport.feedback.domain.feedback.TextAnalysis;
import dev.rapport.kernel.WireNames;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "TextAnalysis", description = "What the service read in a text")
public record AnalysisResponse(
        @Schema(enumeration = {"zh", "en", "other"}, maxLength = 5, examples = "en") String language,
        @Schema(enumeration = {"positive", "neutral", "negative"}, maxLength = 8, examples = "negative") String sentiment,
        @Schema(description = "-1 surely negative .. 1 surely positive", minimum = "-1", maximum = "1", examples = "-0.93")
        double score,
        @Schema(maxItems = 50, examples = "[\"delivery\", \"price\"]") List<String> topics) {

    public static AnalysisResponse of(TextAnalysis analysis) {
        return new AnalysisResponse(WireNames.of(analysis.language()), WireNames.of(analysis.sentiment()),
                analysis.score(), analysis.topics());
    }
}
