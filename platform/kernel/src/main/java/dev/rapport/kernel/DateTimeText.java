package dev.rapport.kernel;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * Date-times laid out as {@code yyyy-MM-dd?HH:mm:ss}, read digit by digit: where millions are read (an
 * import's rows, every consumed event) the general formatters cost more than the rest of the work. Callers
 * hand anything this does not read to a formatter, which also words the error.
 */
public final class DateTimeText {

    private DateTimeText() {
    }

    /**
     * The date-time in the first 19 characters of {@code text} when they read {@code yyyy-MM-dd}, then
     * {@code separator}, then {@code HH:mm:ss} and name a valid date-time; otherwise {@code null}.
     */
    public static LocalDateTime localDateTime(String text, char separator) {
        if (text.length() < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != separator
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 when it holds anything but ASCII digits. */
    public static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
