package dev.rapport.segmentation.domain.lifecycle;

import java.util.List;

/**
 * The five levels of the relationship: 1 basic record, 2 satisfied, 3 trusted, 4 loyal, 5 partner; with the
 * reasons (what was met, and what keeps the customer from the next level).
 */
public record RelationshipLevel(int level, List<String> reasons) {

    public static final List<String> NAMES = List.of("basic record", "satisfied", "trusted", "loyal", "partner");

    public RelationshipLevel {
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("level must be 1..5");
        }
        reasons = List.copyOf(reasons);
    }

    public String name() {
        return NAMES.get(level - 1);
    }
}
