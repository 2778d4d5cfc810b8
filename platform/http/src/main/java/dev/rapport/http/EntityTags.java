package dev.rapport.http;

import java.util.HashSet;
import java.util.Set;

import dev.rapport.kernel.change.ExpectedVersion;

/**
 * Strong entity tags carrying the version: {@code "7"}. {@code If-Match} compares strongly (RFC 9110),
 * so weak tags never match; an unquoted number is accepted for clients that forget the quotes.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** No header: no condition. Otherwise the versions the header names (empty if none parse: never matches). */
    public static ExpectedVersion expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.ANY;
        }
        Set<Long> versions = new HashSet<>();
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return ExpectedVersion.ANY;
            }
            Long version = version(tag);
            if (version != null) {
                versions.add(version);
            }
        }
        return ExpectedVersion.oneOf(versions);
    }

    /** For {@code If-None-Match}: weak comparison, as RFC 9110 asks for GET. */
    public static boolean noneMatchHits(String ifNoneMatch, long version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            Long parsed = version(tag);
            if (parsed != null && parsed == version) {
                return true;
            }
        }
        return false;
    }

    private static Long version(String tag) {
        String digits = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1) : tag;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
