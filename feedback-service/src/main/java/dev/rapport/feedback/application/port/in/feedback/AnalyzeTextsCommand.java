package dev.rapport.feedback.application.port.in.feedback;

import java.util.List;

/** Up to {@value #MAX_TEXTS} texts, each with an optional language (null: detect). */
public record AnalyzeTextsCommand(List<Item> texts) {

    public static final int MAX_TEXTS = 1000;

    public record Item(String text, String language) {
    }
}
