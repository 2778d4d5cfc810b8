package dev.rapport.feedback.config;

import dev.rapport.feedback.domain.complaint.ComplaintPriority;
import dev.rapport.feedback.domain.complaint.SlaPolicy;
import dev.rapport.feedback.domain.feedback.Language;
import dev.rapport.feedback.domain.feedback.SentimentModel;
import dev.rapport.feedback.domain.feedback.TextAnalyzer;
import dev.rapport.feedback.domain.feedback.TopicLexicon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** SLA policy from configuration; the text analyser from the module's shipped resources (and an optional topic lexicon file), and the clock. */
@ApplicationScoped
public class DomainProducers {

    @Produces
    @Singleton
    TextAnalyzer textAnalyzer(FeedbackConfig config) {
        Map<String, String> lexicon = SentimentModel.readLexicon(resource("analysis/en-opinion-words.txt"));
        SentimentModel english = SentimentModel.read(Language.EN, resource("analysis/sentiment-en.tsv"), lexicon);
        SentimentModel chinese = SentimentModel.read(Language.ZH, resource("analysis/sentiment-zh.tsv"), Map.of());
        TopicLexicon topics = config.analysis().topicsFile()
                .map(DomainProducers::file)
                .map(TopicLexicon::read)
                .orElseGet(() -> TopicLexicon.read(resource("analysis/topics.txt")));
        return new TextAnalyzer(Map.of(Language.EN, english, Language.ZH, chinese), topics, config.analysis().neutralBand());
    }

    @Produces
    @Singleton
    SlaPolicy slaPolicy(FeedbackConfig config) {
        FeedbackConfig.Sla sla = config.complaints().sla();
        return new SlaPolicy(sla.firstResponse(), Map.of(
                ComplaintPriority.LOW, sla.resolutionLow(), ComplaintPriority.NORMAL, sla.resolutionNormal(),
                ComplaintPriority.HIGH, sla.resolutionHigh(), ComplaintPriority.URGENT, sla.resolutionUrgent()),
                sla.warningBefore());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    private static Reader resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static Reader file(String path) {
        try {
            return Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read topic lexicon " + path, e);
        }
    }
}
