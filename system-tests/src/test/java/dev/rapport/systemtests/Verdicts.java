package dev.rapport.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What an answer to bad input must be: a documented 4xx problem, no 5xx, nothing of the server's insides. */
final class Verdicts {

    /** A Java stack frame, an exception's class name, or a fully qualified class of ours or a library's. */
    static final Pattern LEAK = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([^)]*\\)|\\b[A-Z]\\w*(Exception|Error)\\b"
                    + "|\\b(java|javax|jakarta|org|com|io|dev|sun|jdk)\\.[a-z_][\\w]*\\.[\\w.$]*[A-Z]\\w*");

    private Verdicts() {
    }

    /** Problems with an answer to an invalid request; empty when it is a proper refusal. */
    static List<String> refusal(Http.Response response, ResponseChecker checker) {
        List<String> problems = new ArrayList<>(common(response, checker));
        if (response.status() < 400 || response.status() >= 500) {
            problems.add(0, "expected a 4xx refusal, got " + response.status());
        } else if (response.status() == 401 || response.status() == 403 || response.status() == 429) {
            problems.add(0, "refused for the caller (" + response.status() + "), not for the input: the test's credentials or rate class are wrong");
        }
        return problems;
    }

    /** Problems with an answer to a request that may be accepted (data that looks like code). */
    static List<String> noFailure(Http.Response response, ResponseChecker checker) {
        List<String> problems = new ArrayList<>(common(response, checker));
        if (response.status() >= 500) {
            problems.add(0, "server error " + response.status());
        }
        return problems;
    }

    private static List<String> common(Http.Response response, ResponseChecker checker) {
        List<String> problems = new ArrayList<>();
        if (response.status() >= 400 && !response.contentType().startsWith("application/problem+json")) {
            problems.add("a " + response.status() + " without application/problem+json (" + response.contentType() + ")");
        }
        if (LEAK.matcher(response.body()).find()) {
            problems.add("the body shows the server's insides: " + LEAK.matcher(response.body()).results().findFirst().get().group());
        }
        problems.addAll(checker.problems(response));
        return problems;
    }
}
