package dev.rapport.feedback.adapter.in.rest.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AnalyzeRequest", description = "Texts to analyse; nothing is stored")
public record AnalyzeRequest(
        @Schema(required = true, minItems = 1, maxItems = 1000) List<Item> texts) {

    @Schema(name = "AnalyzeItem")
    public record Item(
            @Schema(required = true, minLength = 1, maxLength = 20000, examples = "房间很干净，服务很好") String text,
            @Schema(enumeration = {"zh", "en", "other"}, maxLength = 5, description = "detected when absent") String language) {
    }
}
