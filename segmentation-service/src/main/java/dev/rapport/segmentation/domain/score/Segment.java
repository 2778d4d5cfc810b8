package dev.rapport.segmentation.domain.score;

/**
 * The 11 RFM segments, from the recency and frequency scores. Every one of the 25 (R, F) cells has exactly
 * one segment. The wire name is the lower-case constant ({@code cant_lose_them}); {@link #displayName()} is
 * the business name.
 */
public enum Segment {
    CHAMPIONS("Champions"),
    LOYAL_CUSTOMERS("Loyal Customers"),
    POTENTIAL_LOYALIST("Potential Loyalist"),
    NEW_CUSTOMERS("New Customers"),
    PROMISING("Promising"),
    NEED_ATTENTION("Need Attention"),
    ABOUT_TO_SLEEP("About To Sleep"),
    AT_RISK("At Risk"),
    CANT_LOSE_THEM("Can't Lose Them"),
    HIBERNATING("Hibernating"),
    LOST("Lost");

    private final String displayName;

    Segment(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * R5 F4–5 Champions; R3–4 F4–5 Loyal Customers; R4–5 F2–3 Potential Loyalist; R5 F1 New Customers;
     * R4 F1 Promising; R3 F3 Need Attention; R3 F1–2 About To Sleep; R1–2 F3–4 At Risk; R1–2 F5 Can't Lose
     * Them; R2 F1–2 Hibernating; R1 F1–2 Lost.
     */
    public static Segment of(int r, int f) {
        Scores.requireScore("r", r);
        Scores.requireScore("f", f);
        return switch (r) {
            case 5 -> f >= 4 ? CHAMPIONS : f >= 2 ? POTENTIAL_LOYALIST : NEW_CUSTOMERS;
            case 4 -> f >= 4 ? LOYAL_CUSTOMERS : f >= 2 ? POTENTIAL_LOYALIST : PROMISING;
            case 3 -> f >= 4 ? LOYAL_CUSTOMERS : f == 3 ? NEED_ATTENTION : ABOUT_TO_SLEEP;
            case 2 -> f == 5 ? CANT_LOSE_THEM : f >= 3 ? AT_RISK : HIBERNATING;
            default -> f == 5 ? CANT_LOSE_THEM : f >= 3 ? AT_RISK : LOST;
        };
    }
}
