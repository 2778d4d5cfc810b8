package dev.rapport.feedback.domain.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The features the sentiment models read. English: lower-case words (n't becomes "not"), the three words
 * after a negation (fewer when punctuation or "but" comes first) are marked {@code NOT_word}, plus word bigrams and the
 * character 4-grams of each word ({@code C_...}, with {@code <} and {@code >} marking its ends). Chinese:
 * characters and character bigrams, punctuation and spaces dropped. Shared by the trainer and the
 * runtime, so a model always sees the features it was trained on.
 */
public final class Tokens {

    /** Negators, including contractions typed without the apostrophe ("dont", "isnt"). */
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nothing", "nor", "cannot", "without",
            "hardly", "barely", "neither", "none", "nobody", "nowhere", "dont", "doesnt", "didnt", "isnt", "wasnt",
            "arent", "werent", "cant", "wont", "couldnt", "wouldnt", "shouldnt", "havent", "hasnt");
    /** A negation reaches this many words at most ("not bad at all, great": only "bad at all" are negated). */
    private static final int NEGATION_SCOPE = 3;
    private static final String ZH_SKIP = "，。！？、,.!?~～…:：；;（）()\"“”'‘’【】[]《》<>-—_=+*#/\\|";

    private Tokens() {
    }

    public static List<String> of(Language language, String text) {
        return language == Language.ZH ? chinese(text) : english(text);
    }

    public static List<String> english(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("n't", " not").replace("n’t", " not");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || Character.isLetter(c)) {
                word.append(c);
            } else {
                flush(word, words);
                if (c == '!' || c == '?' || c == '.' || c == ',' || c == ';') {
                    words.add(String.valueOf(c));
                }
            }
        }
        flush(word, words);
        List<String> tokens = new ArrayList<>(words.size() * 2);
        int negatedWords = 0;
        String previous = null;
        for (String w : words) {
            boolean punctuation = w.length() == 1 && ".,;!?".indexOf(w.charAt(0)) >= 0;
            if (punctuation || w.equals("but")) {
                negatedWords = 0;
            }
            if (!punctuation || w.equals("!") || w.equals("?")) {
                tokens.add(negatedWords > 0 && !punctuation ? "NOT_" + w : w);
            }
            if (negatedWords > 0) {
                negatedWords--;
            }
            if (NEGATIONS.contains(w)) {
                negatedWords = NEGATION_SCOPE;
            }
            if (previous != null && !punctuation) {
                tokens.add(previous + "_" + w);
            }
            previous = punctuation ? null : w;
            if (!punctuation) {
                // Character 4-grams of the word with boundary marks: "<disappoint>" shares "appo" with
                // "disappointing", which a 1,500-sentence training set rarely sees in every form.
                String bounded = "<" + w + ">";
                for (int i = 0; i + 4 <= bounded.length(); i++) {
                    tokens.add("C_" + bounded.substring(i, i + 4));
                }
            }
        }
        return tokens;
    }

    public static List<String> chinese(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> chars = new ArrayList<>(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || (cp < 0x10000 && ZH_SKIP.indexOf(cp) >= 0)) {
                continue;
            }
            chars.add(new String(Character.toChars(cp)));
        }
        List<String> tokens = new ArrayList<>(chars.size() * 2);
        tokens.addAll(chars);
        for (int i = 1; i < chars.size(); i++) {
            tokens.add(chars.get(i - 1) + chars.get(i));
        }
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            String w = word.toString();
            while (w.startsWith("'")) {
                w = w.substring(1);
            }
            while (w.endsWith("'")) {
                w = w.substring(0, w.length() - 1);
            }
            if (!w.isEmpty()) {
                words.add(w);
            }
            word.setLength(0);
        }
    }
}
