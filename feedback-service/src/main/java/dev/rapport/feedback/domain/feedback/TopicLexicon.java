package dev.rapport.feedback.domain.feedback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Topics as keyword lists. A line {@code topic: kw, kw*, two words, 价格} names a topic and its keywords:
 * a Latin keyword matches a whole word (a trailing {@code *} makes it a prefix: {@code deliver*} matches
 * "delivered"), several words match as a phrase, and a keyword with Han characters matches anywhere in
 * the text. A text has every topic one of whose keywords it contains, in the lexicon's order.
 */
public final class TopicLexicon {

    /** A topic name is a slug of at most this many characters (it is shown and filtered on). */
    public static final int NAME_MAX = 50;
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0," + (NAME_MAX - 1) + "}");

    private final Map<String, List<String>> keywords;

    public TopicLexicon(Map<String, List<String>> keywords) {
        keywords.keySet().forEach(topic -> {
            if (topic == null || !NAME.matcher(topic).matches()) {
                throw new IllegalArgumentException("a topic name is a slug of 1 to " + NAME_MAX + " characters: " + topic);
            }
        });
        Map<String, List<String>> copy = new LinkedHashMap<>();
        keywords.forEach((topic, words) -> copy.put(topic, List.copyOf(words)));
        this.keywords = copy;
    }

    public List<String> topicNames() {
        return List.copyOf(keywords.keySet());
    }

    public List<String> topicsOf(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String words = " " + String.join(" ", latinWords(lower)) + " ";
        List<String> topics = new ArrayList<>();
        for (Map.Entry<String, List<String>> topic : keywords.entrySet()) {
            for (String keyword : topic.getValue()) {
                if (matches(keyword, lower, words)) {
                    topics.add(topic.getKey());
                    break;
                }
            }
        }
        return topics;
    }

    private static boolean matches(String keyword, String lower, String words) {
        if (keyword.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return lower.contains(keyword);
        }
        if (keyword.endsWith("*")) {
            return words.contains(" " + keyword.substring(0, keyword.length() - 1));
        }
        return words.contains(" " + keyword + " ");
    }

    private static List<String> latinWords(String lower) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** Parses the lexicon format described above; {@code #} starts a comment line. */
    public static TopicLexicon read(Reader source) {
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("not a topic line: " + line);
                }
                String topic = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                List<String> words = keywords.computeIfAbsent(topic, t -> new ArrayList<>());
                for (String keyword : line.substring(colon + 1).split(",")) {
                    String k = keyword.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    if (!k.isEmpty()) {
                        words.add(k);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopicLexicon(keywords);
    }
}
