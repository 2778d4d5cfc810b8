package dev.rapport.feedback.domain.agent;

import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who handles complaints: member of a team that takes the listed complaint categories, available
 * or not, and at most {@code maxOpen} open complaints at a time. New complaints go round-robin (least
 * recently assigned first) to available agents below their maximum whose categories include the complaint's.
 */
public record Agent(UUID id, String name, String team, List<String> categories, boolean available, int maxOpen,
                    Instant createdAt) {

    public static final int MAX_CATEGORIES = 50;
    public static final int MAX_OPEN_LIMIT = 10_000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    public Agent {
        Objects.requireNonNull(id);
        categories = List.copyOf(categories);
    }

    /** @throws dev.rapport.kernel.InvalidInputException naming each invalid field */
    public static Agent of(UUID id, String name, String team, List<String> categories, Boolean available,
                           Integer maxOpen, Instant createdAt) {
        Violations v = new Violations();
        String parsedName = v.check("name", () -> Texts.required(name, 100));
        String parsedTeam = v.check("team", () -> slug(team));
        List<String> parsedCategories = new ArrayList<>();
        if (categories == null || categories.isEmpty() || categories.size() > MAX_CATEGORIES) {
            v.add("categories", "must hold 1 to " + MAX_CATEGORIES + " categories");
        } else {
            for (int i = 0; i < categories.size(); i++) {
                String raw = categories.get(i);
                String parsed = v.check("categories[" + i + "]", () -> slug(raw));
                if (parsed != null) {
                    parsedCategories.add(parsed);
                }
            }
        }
        if (maxOpen == null || maxOpen < 1 || maxOpen > MAX_OPEN_LIMIT) {
            v.add("maxOpen", "must be from 1 to " + MAX_OPEN_LIMIT);
        }
        v.throwIfAny();
        return new Agent(id, parsedName, parsedTeam, List.copyOf(new LinkedHashSet<>(parsedCategories)),
                available == null || available, maxOpen, createdAt);
    }

    static String slug(String raw) {
        String value = Texts.required(raw, 50).toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(value).matches()) {
            throw new InvalidValueException("must be a slug of letters, digits and dashes, like billing");
        }
        return value;
    }
}
