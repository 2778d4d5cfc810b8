package dev.rapport.feedback.application.port.in.feedback;

import dev.rapport.feedback.domain.feedback.TextAnalysis;

import java.util.List;

/** Analyses texts without storing anything; the result is in the input's order. */
public interface AnalyzeTextsUseCase {
    List<TextAnalysis> analyze(AnalyzeTextsCommand command);
}
