package dev.rapport.feedback.domain.feedback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A linear sentiment model of one language: a weight per feature and a bias; the logit of a text is
 * {@code bias + norm * sum of the weights of its distinct features}, where {@code norm} is 1 or
 * 1/sqrt(number of distinct features). Lexicon features ({@code LEX_POS}, {@code LEX_NEG}: words of a
 * hand-written opinion lexicon, flipped under negation) count once per occurrence. Positive logits mean
 * positive texts. Only learned numbers are stored, never a training text.
 *
 * <p>File format (UTF-8 lines): {@code @bias<TAB>x}, {@code @norm<TAB>one|sqrt}, then {@code feature<TAB>weight}.
 */
public final class SentimentModel {

    public static final String LEX_POS = "LEX_POS";
    public static final String LEX_NEG = "LEX_NEG";

    private final Language language;
    private final Map<String, Float> weights;
    private final double bias;
    private final boolean sqrtNorm;
    private final Map<String, String> lexicon;

    public SentimentModel(Language language, Map<String, Float> weights, double bias, boolean sqrtNorm,
                          Map<String, String> lexicon) {
        this.language = language;
        this.weights = Map.copyOf(weights);
        this.bias = bias;
        this.sqrtNorm = sqrtNorm;
        this.lexicon = Map.copyOf(lexicon);
    }

    public Language language() {
        return language;
    }

    public int size() {
        return weights.size();
    }

    /** Features of {@code text} with their counts as the model reads them. */
    public Map<String, Integer> features(String text) {
        return features(language, text, lexicon);
    }

    /** Distinct tokens count once; lexicon features count once per occurrence. */
    public static Map<String, Integer> features(Language language, String text, Map<String, String> lexicon) {
        List<String> tokens = Tokens.of(language, text);
        Map<String, Integer> features = new HashMap<>(tokens.size() * 2);
        for (String token : tokens) {
            features.put(token, 1);
        }
        if (!lexicon.isEmpty()) {
            for (String token : tokens) {
                String feature = lexicon.get(token);
                if (feature == null && token.startsWith("NOT_")) {
                    String plain = lexicon.get(token.substring(4));
                    feature = plain == null ? null : plain.equals(LEX_POS) ? LEX_NEG : LEX_POS;
                }
                if (feature != null) {
                    features.merge(feature, 1, Integer::sum);
                }
            }
        }
        return features;
    }

    /** Log-odds that {@code text} is positive. */
    public double logit(String text) {
        return logit(features(text));
    }

    public double logit(Map<String, Integer> features) {
        double sum = 0;
        for (Map.Entry<String, Integer> feature : features.entrySet()) {
            Float weight = weights.get(feature.getKey());
            if (weight != null) {
                sum += weight * feature.getValue();
            }
        }
        double norm = sqrtNorm ? 1 / Math.sqrt(Math.max(1, features.size())) : 1;
        return bias + norm * sum;
    }

    /** Reads a model written by {@link #write}; {@code lexicon} maps words to LEX_POS / LEX_NEG. */
    public static SentimentModel read(Language language, Reader source, Map<String, String> lexicon) {
        Map<String, Float> weights = new HashMap<>();
        double bias = 0;
        boolean sqrt = false;
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                if (tab <= 0) {
                    throw new IllegalArgumentException("not a model line: " + line);
                }
                String key = line.substring(0, tab);
                String value = line.substring(tab + 1);
                switch (key) {
                    case "@bias" -> bias = Double.parseDouble(value);
                    case "@norm" -> sqrt = value.equals("sqrt");
                    default -> weights.put(key, Float.parseFloat(value));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SentimentModel(language, weights, bias, sqrt, lexicon);
    }

    /** Writes the parameters, features sorted, weights rounded to 4 decimals (zeros dropped). */
    public void write(Writer out, String header) throws IOException {
        for (String line : header.split("\n")) {
            out.write("# " + line + "\n");
        }
        out.write("@bias\t" + String.format(Locale.ROOT, "%.6f", bias) + "\n");
        out.write("@norm\t" + (sqrtNorm ? "sqrt" : "one") + "\n");
        for (Map.Entry<String, Float> e : new TreeMap<>(weights).entrySet()) {
            String weight = String.format(Locale.ROOT, "%.4f", e.getValue());
            if (Double.parseDouble(weight) != 0 && e.getKey().indexOf('\t') < 0 && e.getKey().indexOf('\n') < 0) {
                out.write(e.getKey() + "\t" + weight + "\n");
            }
        }
    }

    /** Reads a lexicon: lines {@code +word} or {@code -word}, {@code #} comments. */
    public static Map<String, String> readLexicon(Reader source) {
        Map<String, String> lexicon = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.length() < 2 || line.startsWith("#")) {
                    continue;
                }
                lexicon.put(line.substring(1).toLowerCase(Locale.ROOT), line.charAt(0) == '+' ? LEX_POS : LEX_NEG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lexicon;
    }
}
