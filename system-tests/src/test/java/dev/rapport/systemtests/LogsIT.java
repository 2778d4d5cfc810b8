package dev.rapport.systemtests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Last: every process's log of the whole run holds no test e-mail address or phone number. */
@Order(100)
class LogsIT {

    /** Every test address is @example.org; every test phone number is in the 020 7946 drama range. */
    private static final Pattern PERSONAL = Pattern.compile("[A-Za-z0-9._%+-]+@example\\.org|\\+?44\\s?20\\s?7946\\s?\\d{4}");

    @Test
    void no_log_line_of_the_run_holds_a_test_email_or_phone_number() throws Exception {
        Live live = Live.get();
        List<String> leaks = new ArrayList<>();
        long lines = 0;
        try (Stream<Path> logs = Files.list(live.stack.logsDirectory())) {
            for (Path log : logs.sorted().toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                    lines++;
                    Matcher matcher = PERSONAL.matcher(line);
                    if (matcher.find() && leaks.size() < 20) {
                        leaks.add(log.getFileName() + ": " + matcher.group() + " in " + (line.length() > 300 ? line.substring(0, 300) : line));
                    }
                }
            }
        }
        System.out.printf("Logs: %d lines of every process searched%n", lines);
        assertThat(lines).isPositive();
        assertThat(leaks).as("log lines with personal data").isEmpty();
    }
}
