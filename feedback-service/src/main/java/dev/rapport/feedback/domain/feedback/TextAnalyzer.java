package dev.rapport.feedback.domain.feedback;

import java.util.EnumMap;
import java.util.Map;

/**
 * Language by script, sentiment by the language's linear model, topics by the lexicon. The score is
 * {@code 2 * P(positive) - 1}, with {@code P} the logistic of the model's logit; a text whose
 * |score| is below {@code neutralBand}, or that has no model (language OTHER), is NEUTRAL.
 * Pure and thread-safe: one instance serves every request.
 */
public final class TextAnalyzer {

    private final Map<Language, SentimentModel> models;
    private final TopicLexicon topics;
    private final double neutralBand;

    public TextAnalyzer(Map<Language, SentimentModel> models, TopicLexicon topics, double neutralBand) {
        this.models = new EnumMap<>(models);
        this.topics = topics;
        this.neutralBand = neutralBand;
    }

    public TopicLexicon topics() {
        return topics;
    }

    public TextAnalysis analyse(String text) {
        return analyse(text, null);
    }

    /** {@code language} as told by the client, or null to detect it. */
    public TextAnalysis analyse(String text, Language language) {
        Language lang = language != null ? language : Language.detect(text);
        SentimentModel model = models.get(lang);
        double score = 0;
        if (model != null) {
            double logit = model.logit(text);
            score = 2 / (1 + Math.exp(-logit)) - 1;
        }
        Sentiment sentiment = Math.abs(score) < neutralBand ? Sentiment.NEUTRAL
                : score > 0 ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
        return new TextAnalysis(lang, sentiment, Math.round(score * 1000) / 1000.0, topics.topicsOf(text));
    }
}
