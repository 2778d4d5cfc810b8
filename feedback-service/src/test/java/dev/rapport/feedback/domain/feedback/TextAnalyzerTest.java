package dev.rapport.feedback.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shipped models and lexicon, as the service loads them. */
class TextAnalyzerTest {

    private static Reader resource(String name) {
        return new InputStreamReader(TextAnalyzerTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8);
    }

    private static final TextAnalyzer ANALYZER;

    static {
        Map<String, String> lexicon = SentimentModel.readLexicon(resource("analysis/en-opinion-words.txt"));
        ANALYZER = new TextAnalyzer(Map.of(
                Language.EN, SentimentModel.read(Language.EN, resource("analysis/sentiment-en.tsv"), lexicon),
                Language.ZH, SentimentModel.read(Language.ZH, resource("analysis/sentiment-zh.tsv"), Map.of())),
                TopicLexicon.read(resource("analysis/topics.txt")), 0.2);
    }

    @Test
    void detectsLanguageByScript() {
        assertThat(Language.detect("The room was clean")).isEqualTo(Language.EN);
        assertThat(Language.detect("房间很干净")).isEqualTo(Language.ZH);
        assertThat(Language.detect("这个 app 很好用")).isEqualTo(Language.ZH);
        assertThat(Language.detect("Очень хорошо")).isEqualTo(Language.OTHER);
        assertThat(Language.detect("👍 123 !!!")).isEqualTo(Language.OTHER);
    }

    @Test
    void readsObviousSentiment() {
        assertThat(ANALYZER.analyse("This is the best purchase I have ever made, excellent!").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(ANALYZER.analyse("Worst customer service ever, very disappointed.").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(ANALYZER.analyse("非常好吃，送餐很快，赞！").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(ANALYZER.analyse("太难吃了，等了两个小时").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        TextAnalysis analysis = ANALYZER.analyse("not good at all");
        assertThat(analysis.score()).isBetween(-1.0, 0.0);
    }

    @Test
    void unknownScriptIsNeutral() {
        TextAnalysis analysis = ANALYZER.analyse("😀😀😀");
        assertThat(analysis.language()).isEqualTo(Language.OTHER);
        assertThat(analysis.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(analysis.score()).isZero();
    }

    @Test
    void findsTopicsByWordPrefixPhraseAndChineseKeyword() {
        TopicLexicon lexicon = TopicLexicon.read(new StringReader("""
                # comment
                delivery: deliver*, on time, 配送
                price: price
                """));
        assertThat(lexicon.topicsOf("It was delivered on time")).containsExactly("delivery");
        assertThat(lexicon.topicsOf("Prices")).isEmpty();
        assertThat(lexicon.topicsOf("配送很快, good price")).containsExactly("delivery", "price");
        assertThat(lexicon.topicsOf("redeliver")).isEmpty();
        assertThat(ANALYZER.analyse("The staff were rude and the bill was wrong").topics())
                .contains("staff", "billing");
    }

    @Test
    void tokensMarkNegationUntilPunctuation() {
        assertThat(Tokens.english("I don't like it, good")).contains("NOT_like", "NOT_it", "good", "like_it");
        assertThat(Tokens.chinese("很好，不错")).contains("很", "很好", "不错").doesNotContain("，");
    }
}
