package dev.rapport.feedback.domain.feedback;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Learns the shipped sentiment models from the labelled dev files of {@code ../shared/data/sentiment}
 * and writes ONLY their parameters to {@code src/main/resources/analysis/sentiment-<lang>.tsv}.
 * Re-run from the repository root after changing features or settings:
 * <pre>
 *   ./mvnw -pl feedback-service test-compile exec:java ... (or run main() from an IDE, working directory
 *   = feedback-service); SentimentAccuracyTest measures the same code by k-fold cross-validation.
 * </pre>
 * English: binarised multinomial Naive Bayes (log-count ratios, additive smoothing {@value #EN_ALPHA})
 * over words, negation-marked words and bigrams, plus the hand-written opinion lexicon's two count
 * features weighted {@value #EN_LEXICON_WEIGHT}; character 4-gram features are weighted {@value #EN_CHAR_WEIGHT}.
 * To it is added {@value #EN_LOGISTIC_SHARE} x an L2-regularised logistic regression over the same
 * features (AdaGrad, {@value #EN_LOGISTIC_EPOCHS} epochs): both are linear in the same unnormalised
 * features, so their sum is one linear model with the same runtime cost. Chinese: logistic regression (class-balanced SGD,
 * {@value #ZH_EPOCHS} epochs, features normalised by 1/sqrt(n)) over characters and character bigrams.
 * Chinese features seen in fewer than {@value #MIN_DOCS} training texts are dropped (English keeps all).
 */
public final class SentimentTrainer {

    static final double EN_ALPHA = 0.5;
    static final double EN_LEXICON_WEIGHT = 4.0;
    static final double EN_LOGISTIC_SHARE = 3.0;
    static final int EN_LOGISTIC_EPOCHS = 10;
    static final double EN_LOGISTIC_RATE = 0.1;
    static final double EN_LOGISTIC_L2 = 1e-4;
    static final double EN_BIAS_RATE = 0.01;
    static final double EN_CHAR_WEIGHT = 0.5;
    static final int ZH_EPOCHS = 12;
    static final double ZH_RATE = 1.0;
    static final int MIN_DOCS = 2;
    static final int EN_MIN_DOCS = 1;

    public record Example(String text, boolean positive, String source) {
    }

    private SentimentTrainer() {
    }

    public static SentimentModel train(Language language, List<Example> examples, Map<String, String> lexicon) {
        if (language == Language.ZH) {
            return logistic(language, examples, lexicon);
        }
        List<Map<String, Integer>> features = new ArrayList<>(examples.size());
        for (Example example : examples) {
            features.add(SentimentModel.features(language, example.text(), lexicon));
        }
        Map<String, Float> weights = naiveBayesWeights(examples, features);
        double[] bias = new double[1];
        Map<String, Double> discriminative = adaGradLogistic(examples, features, bias);
        discriminative.forEach((feature, w) -> weights.merge(feature, (float) (EN_LOGISTIC_SHARE * w), Float::sum));
        return new SentimentModel(language, weights, EN_LOGISTIC_SHARE * bias[0], false, lexicon);
    }

    /**
     * Logistic regression over unnormalised feature counts: per-feature AdaGrad steps with L2 shrinkage,
     * examples shuffled each epoch with a fixed seed (the result is deterministic). Naive Bayes weighs each
     * feature on its own; this part corrects the weights of features that go together (a word and its
     * bigrams and 4-grams), which Naive Bayes counts several times.
     */
    static Map<String, Double> adaGradLogistic(List<Example> examples, List<Map<String, Integer>> features, double[] bias) {
        Map<String, Double> w = new HashMap<>();
        Map<String, Double> squares = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(11);
        for (int epoch = 0; epoch < EN_LOGISTIC_EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                Map<String, Integer> f = features.get(i);
                double z = bias[0];
                for (Map.Entry<String, Integer> e : f.entrySet()) {
                    z += w.getOrDefault(e.getKey(), 0.0) * e.getValue();
                }
                double p = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
                double g = p - (examples.get(i).positive() ? 1 : 0);
                for (Map.Entry<String, Integer> e : f.entrySet()) {
                    double weight = w.getOrDefault(e.getKey(), 0.0);
                    double gradient = g * e.getValue() + EN_LOGISTIC_L2 * weight;
                    double sum = squares.merge(e.getKey(), gradient * gradient, Double::sum);
                    w.put(e.getKey(), weight - EN_LOGISTIC_RATE * gradient / Math.sqrt(sum + 1e-8));
                }
                bias[0] -= EN_BIAS_RATE * g;
            }
        }
        return w;
    }

    static Map<String, Float> naiveBayesWeights(List<Example> examples, List<Map<String, Integer>> features) {
        Map<String, int[]> docs = new HashMap<>();
        int[] totals = new int[2];
        for (int i = 0; i < examples.size(); i++) {
            int side = examples.get(i).positive() ? 1 : 0;
            for (Map.Entry<String, Integer> f : features.get(i).entrySet()) {
                docs.computeIfAbsent(f.getKey(), k -> new int[2])[side] += f.getValue();
                totals[side] += f.getValue();
            }
        }
        docs.values().removeIf(c -> c[0] + c[1] < EN_MIN_DOCS);
        int vocabulary = docs.size();
        Map<String, Float> weights = new HashMap<>();
        for (Map.Entry<String, int[]> e : docs.entrySet()) {
            double pos = (e.getValue()[1] + EN_ALPHA) / (totals[1] + EN_ALPHA * vocabulary);
            double neg = (e.getValue()[0] + EN_ALPHA) / (totals[0] + EN_ALPHA * vocabulary);
            double weight = Math.log(pos / neg);
            if (e.getKey().startsWith("LEX_")) {
                weight *= EN_LEXICON_WEIGHT;
            } else if (e.getKey().startsWith("C_")) {
                weight *= EN_CHAR_WEIGHT;
            }
            weights.put(e.getKey(), (float) weight);
        }
        return weights;
    }

    static SentimentModel logistic(Language language, List<Example> examples, Map<String, String> lexicon) {
        List<String[]> features = new ArrayList<>();
        Map<String, Integer> docCount = new HashMap<>();
        for (Example example : examples) {
            String[] f = SentimentModel.features(language, example.text(), lexicon).keySet().toArray(String[]::new);
            features.add(f);
            for (String token : f) {
                docCount.merge(token, 1, Integer::sum);
            }
        }
        long positives = examples.stream().filter(Example::positive).count();
        double weightPos = examples.size() / (2.0 * Math.max(1, positives));
        double weightNeg = examples.size() / (2.0 * Math.max(1, examples.size() - positives));
        Map<String, double[]> w = new HashMap<>();
        docCount.forEach((token, n) -> {
            if (n >= MIN_DOCS) {
                w.put(token, new double[1]);
            }
        });
        double bias = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(1);
        for (int epoch = 0; epoch < ZH_EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            double rate = ZH_RATE / (1 + epoch);
            for (int i : order) {
                String[] f = features.get(i);
                double norm = 1 / Math.sqrt(Math.max(1, f.length));
                double z = bias;
                for (String token : f) {
                    double[] weight = w.get(token);
                    if (weight != null) {
                        z += weight[0] * norm;
                    }
                }
                boolean positive = examples.get(i).positive();
                double p = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
                double gradient = (p - (positive ? 1 : 0)) * (positive ? weightPos : weightNeg);
                for (String token : f) {
                    double[] weight = w.get(token);
                    if (weight != null) {
                        weight[0] -= rate * (gradient * norm + 1e-5 * weight[0]);
                    }
                }
                bias -= rate * gradient;
            }
        }
        Map<String, Float> weights = new HashMap<>();
        w.forEach((token, weight) -> weights.put(token, (float) weight[0]));
        return new SentimentModel(language, weights, bias, true, lexicon);
    }

    /** Reads {@code text,label,source} (RFC 4180, no newlines inside texts). */
    public static List<Example> read(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<Example> examples = new ArrayList<>(lines.size());
            for (String line : lines.subList(1, lines.size())) {
                List<String> fields = csvFields(line);
                examples.add(new Example(fields.get(0), fields.get(1).equals("positive"), fields.get(2)));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>(3);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** {@code ../shared/data/sentiment} found by walking up from the working directory, or null. */
    public static Path dataDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/sentiment");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolve("../shared/data/sentiment").normalize();
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        return null;
    }

    public static Map<String, String> englishLexicon() {
        try (Reader reader = new InputStreamReader(
                SentimentTrainer.class.getResourceAsStream("/analysis/en-opinion-words.txt"), StandardCharsets.UTF_8)) {
            return SentimentModel.readLexicon(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains on every dev row and writes the parameters into the module's resources. */
    public static void main(String[] args) throws IOException {
        Path data = dataDirectory();
        if (data == null) {
            throw new IllegalStateException("../shared/data/sentiment not found");
        }
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/analysis");
        write(Language.EN, train(Language.EN, read(data.resolve("en_dev.csv")), englishLexicon()), out,
                "English sentiment parameters learned from en_dev.csv: UCI 'Sentiment Labelled Sentences'\n"
                        + "(Kotzias et al., KDD 2015, doi:10.24432/C57604), CC BY 4.0. Parameters only, no texts.");
        write(Language.ZH, train(Language.ZH, read(data.resolve("zh_dev.csv")), Map.of()), out,
                "Chinese sentiment parameters learned from zh_dev.csv: ChnSentiCorp_htl_all and waimai_10k of\n"
                        + "SophonPlus/ChineseNlpCorpus (no licence stated; research use). Parameters only, no texts.");
    }

    private static void write(Language language, SentimentModel model, Path directory, String header) throws IOException {
        Path file = directory.resolve("sentiment-" + language.name().toLowerCase() + ".tsv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            model.write(writer, header + "\nGenerated by SentimentTrainer (src/test); " + model.size() + " features.");
        }
        System.out.println("wrote " + file + " (" + model.size() + " features)");
    }
}
