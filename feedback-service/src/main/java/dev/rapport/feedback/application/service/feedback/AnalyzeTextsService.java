package dev.rapport.feedback.application.service.feedback;

import dev.rapport.feedback.application.port.in.feedback.AnalyzeTextsCommand;
import dev.rapport.feedback.application.port.in.feedback.AnalyzeTextsUseCase;
import dev.rapport.feedback.domain.feedback.FeedbackText;
import dev.rapport.feedback.domain.feedback.Language;
import dev.rapport.feedback.domain.feedback.TextAnalysis;
import dev.rapport.feedback.domain.feedback.TextAnalyzer;
import dev.rapport.kernel.Violations;
import dev.rapport.kernel.WireNames;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AnalyzeTextsService implements AnalyzeTextsUseCase {

    private final TextAnalyzer analyzer;

    public AnalyzeTextsService(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public List<TextAnalysis> analyze(AnalyzeTextsCommand command) {
        Violations violations = new Violations();
        List<AnalyzeTextsCommand.Item> items = command.texts();
        if (items == null || items.isEmpty()) {
            violations.add("texts", "must hold 1 to " + AnalyzeTextsCommand.MAX_TEXTS + " texts");
            violations.throwIfAny();
        }
        if (items.size() > AnalyzeTextsCommand.MAX_TEXTS) {
            violations.add("texts", "must hold 1 to " + AnalyzeTextsCommand.MAX_TEXTS + " texts");
            violations.throwIfAny();
        }
        List<String> texts = new ArrayList<>(items.size());
        List<Language> languages = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            AnalyzeTextsCommand.Item item = items.get(i);
            if (item == null) {
                violations.add("texts[" + i + "]", "must not be null");
                texts.add(null);
                languages.add(null);
                continue;
            }
            texts.add(violations.check("texts[" + i + "].text", () -> FeedbackText.of(item.text())));
            languages.add(violations.optional("texts[" + i + "].language", item.language(),
                    l -> WireNames.parse(Language.class, l)));
        }
        violations.throwIfAny();
        List<TextAnalysis> result = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            result.add(analyzer.analyse(texts.get(i), languages.get(i)));
        }
        return result;
    }
}
