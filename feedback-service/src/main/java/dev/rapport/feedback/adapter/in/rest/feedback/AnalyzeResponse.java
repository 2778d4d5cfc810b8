package dev.rapport.feedback.adapter.in.rest.feedback;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AnalyzeResponse", description = "One analysis per text, in the request's order")
public record AnalyzeResponse(@Schema(maxItems = 1000) List<AnalysisResponse> items) {
}
