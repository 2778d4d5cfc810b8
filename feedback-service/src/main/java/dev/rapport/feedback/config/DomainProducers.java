package dev.rapport.feedback.config;

import dev.rapport.feedback.domain.complaint.BusinessCalendar;
import dev.rapport.feedback.domain.complaint.ServiceClass;
import dev.rapport.feedback.domain.complaint.SlaPolicy;
import dev.rapport.feedback.domain.complaint.SlaTargets;
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
import java.time.Duration;
import java.util.Map;
import java.util.Set;

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
        FeedbackConfig.KeyAccount key = sla.keyAccount();
        FeedbackConfig.TopTier top = sla.topTier();
        Map<ServiceClass, SlaTargets> table = Map.of(
                ServiceClass.STANDARD, SlaTargets.of(sla.firstResponse(), sla.resolutionLow(), sla.resolutionNormal(),
                        sla.resolutionHigh(), sla.resolutionUrgent()),
                ServiceClass.TOP_TIER, SlaTargets.of(top.firstResponse(), top.resolutionLow(), top.resolutionNormal(),
                        top.resolutionHigh(), top.resolutionUrgent()),
                ServiceClass.KEY_ACCOUNT, SlaTargets.of(key.firstResponse(), key.resolutionLow(), key.resolutionNormal(),
                        key.resolutionHigh(), key.resolutionUrgent()));
        FeedbackConfig.Calendar c = sla.calendar();
        BusinessCalendar calendar = c.enabled()
                ? BusinessCalendar.businessHours(c.zone(), c.workingDays(), c.opens(), c.closes(), c.holidays().orElse(Set.of()))
                : BusinessCalendar.ALWAYS;
        return new SlaPolicy(table, Set.copyOf(top.tiers()), sla.warningBefore(), calendar);
    }

    @Produces
    @Singleton
    Clock clock() {
        // Microseconds, as PostgreSQL stores them: a 201 shows the same instants a later GET reads back.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
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
