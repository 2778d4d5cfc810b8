package dev.rapport.feedback.domain.survey;

/** The three standard satisfaction measures, each with its score range. */
public enum SurveyType {
    /** Net Promoter Score: "how likely are you to recommend us", 0-10. */
    NPS(0, 10),
    /** Customer Satisfaction: 1-5. */
    CSAT(1, 5),
    /** Customer Effort Score: 1-7. */
    CES(1, 7);

    private final int min;
    private final int max;

    SurveyType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** NPS: 9-10 promoter, 7-8 passive, 0-6 detractor; null for other types. */
    public String npsCategory(int score) {
        if (this != NPS) {
            return null;
        }
        return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
    }

    /** NPS, CSAT, CES (the wire name is the upper-case acronym). */
    public static SurveyType parse(String raw) {
        for (SurveyType type : values()) {
            if (type.name().equals(raw)) {
                return type;
            }
        }
        throw new dev.rapport.kernel.InvalidValueException("must be one of [NPS, CSAT, CES]");
    }
}
