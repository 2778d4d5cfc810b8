package dev.rapport.feedback.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Balanced accuracy of the shipped method on reviews it has not seen: 5-fold cross-validation on the
 * dev files (train with {@link SentimentTrainer} on four folds, classify the fifth by the sign of the
 * logit, over all five folds). Prints the figures per language and per source; the README quotes them.
 */
class SentimentAccuracyTest {

    private static final int FOLDS = 5;

    @Test
    void englishBalancedAccuracyByCrossValidation() {
        Map<String, Double> figures = crossValidate(Language.EN, "en_dev.csv", SentimentTrainer.englishLexicon());
        // The target for reviews the model has not seen (the split and the trainer are deterministic).
        assertThat(figures.get("all")).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void chineseBalancedAccuracyByCrossValidation() {
        Map<String, Double> figures = crossValidate(Language.ZH, "zh_dev.csv", Map.of());
        assertThat(figures.get("all")).isGreaterThanOrEqualTo(0.87);
    }

    private static Map<String, Double> crossValidate(Language language, String file, Map<String, String> lexicon) {
        Path data = SentimentTrainer.dataDirectory();
        Path csv = data == null ? null : data.resolve(file);
        Assumptions.assumeTrue(csv != null && Files.isRegularFile(csv),
                "ABSENT: ../shared/data/sentiment/" + file + " - accuracy not measured");
        List<SentimentTrainer.Example> examples = new ArrayList<>(SentimentTrainer.read(csv));
        Collections.shuffle(examples, new Random(42));
        List<SentimentTrainer.Example> tested = new ArrayList<>();
        List<Boolean> predicted = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<SentimentTrainer.Example> train = new ArrayList<>();
            List<SentimentTrainer.Example> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (i % FOLDS == fold ? test : train).add(examples.get(i));
            }
            SentimentModel model = SentimentTrainer.train(language, train, lexicon);
            for (SentimentTrainer.Example example : test) {
                tested.add(example);
                predicted.add(model.logit(example.text()) >= 0);
            }
        }
        Map<String, Double> figures = new TreeMap<>();
        figures.put("all", balancedAccuracy(tested, predicted, null));
        tested.stream().map(SentimentTrainer.Example::source).distinct().sorted()
                .forEach(source -> figures.put(source, balancedAccuracy(tested, predicted, source)));
        figures.forEach((scope, value) -> System.out.printf(Locale.ROOT,
                "sentiment %s %d-fold CV balanced accuracy [%s]: %.4f%n", language, FOLDS, scope, value));
        return figures;
    }

    /** Mean of the recall of positives and the recall of negatives. */
    static double balancedAccuracy(List<SentimentTrainer.Example> tested, List<Boolean> predicted, String source) {
        int[] right = new int[2];
        int[] total = new int[2];
        for (int i = 0; i < tested.size(); i++) {
            SentimentTrainer.Example example = tested.get(i);
            if (source != null && !source.equals(example.source())) {
                continue;
            }
            int side = example.positive() ? 1 : 0;
            total[side]++;
            if (predicted.get(i) == example.positive()) {
                right[side]++;
            }
        }
        return ((double) right[0] / Math.max(1, total[0]) + (double) right[1] / Math.max(1, total[1])) / 2;
    }
}
