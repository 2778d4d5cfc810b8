package dev.rapport.feedback.domain.feedback;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (not a test): texts analysed per second on the calling thread, over the sentiment dev files,
 * with the shipped models and topic lexicon. Run by {@code bench/feedback-analysis-bench.sh} pinned to
 * one core. Prints one line per text set.
 */
public final class AnalysisThroughputBench {

    private AnalysisThroughputBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        Path data = SentimentTrainer.dataDirectory();
        if (data == null) {
            throw new IllegalStateException("../shared/data/sentiment not found");
        }
        TextAnalyzer analyzer = shippedAnalyzer();
        List<String> english = texts(data.resolve("en_dev.csv"), null);
        List<String> waimai = texts(data.resolve("zh_dev.csv"), "waimai_10k.csv");
        List<String> hotel = texts(data.resolve("zh_dev.csv"), "ChnSentiCorp_htl_all.csv");
        List<String> all = new ArrayList<>(english);
        all.addAll(waimai);
        all.addAll(hotel);
        run(analyzer, all, 3); // warm-up
        for (var set : List.of(Map.entry("en sentences", english), Map.entry("zh waimai (short)", waimai),
                Map.entry("zh hotel (long)", hotel), Map.entry("all dev texts", all))) {
            measure(analyzer, set.getKey(), set.getValue(), seconds);
        }
    }

    private static void measure(TextAnalyzer analyzer, String name, List<String> texts, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long analysed = 0;
        long chars = 0;
        while (System.nanoTime() < deadline) {
            chars += run(analyzer, texts, 1);
            analysed += texts.size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-20s %,10.0f texts/s  (%d texts, mean %.0f chars, %.1f s)%n", name,
                analysed / elapsed, texts.size(), (double) chars / analysed, elapsed);
    }

    private static long run(TextAnalyzer analyzer, List<String> texts, int rounds) {
        long chars = 0;
        for (int r = 0; r < rounds; r++) {
            for (String text : texts) {
                TextAnalysis analysis = analyzer.analyse(text);
                chars += text.length() + (analysis.topics().isEmpty() ? 0 : 0);
            }
        }
        return chars;
    }

    private static List<String> texts(Path csv, String source) {
        return SentimentTrainer.read(csv).stream()
                .filter(e -> source == null || source.equals(e.source()))
                .map(SentimentTrainer.Example::text).toList();
    }

    static TextAnalyzer shippedAnalyzer() {
        Map<String, String> lexicon = SentimentModel.readLexicon(resource("analysis/en-opinion-words.txt"));
        return new TextAnalyzer(Map.of(
                Language.EN, SentimentModel.read(Language.EN, resource("analysis/sentiment-en.tsv"), lexicon),
                Language.ZH, SentimentModel.read(Language.ZH, resource("analysis/sentiment-zh.tsv"), Map.of())),
                TopicLexicon.read(resource("analysis/topics.txt")), 0.2);
    }

    private static Reader resource(String name) {
        return new InputStreamReader(AnalysisThroughputBench.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8);
    }
}
