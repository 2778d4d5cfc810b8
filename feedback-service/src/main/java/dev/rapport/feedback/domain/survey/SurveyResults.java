package dev.rapport.feedback.domain.survey;

import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates of a survey's answers: count and distribution (score -> answers) always; for NPS the score
 * {@code %promoters(9-10) - %detractors(0-6)} on -100..100; for CSAT the share of 4-5 in % and the mean;
 * for CES the mean. Figures are null without answers; rounded to one decimal.
 */
public record SurveyResults(SurveyType type, long count, Map<Integer, Long> distribution, Double nps,
                            Double csatPercent, Double mean) {

    public static SurveyResults of(SurveyType type, Map<Integer, Long> distribution) {
        Map<Integer, Long> full = new TreeMap<>();
        for (int s = type.min(); s <= type.max(); s++) {
            full.put(s, distribution.getOrDefault(s, 0L));
        }
        long count = full.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return new SurveyResults(type, 0, full, null, null, null);
        }
        double sum = 0;
        long promoters = 0;
        long detractors = 0;
        long satisfied = 0;
        for (Map.Entry<Integer, Long> e : full.entrySet()) {
            sum += (double) e.getKey() * e.getValue();
            if (e.getKey() >= 9) {
                promoters += e.getValue();
            }
            if (e.getKey() <= 6) {
                detractors += e.getValue();
            }
            if (e.getKey() >= 4) {
                satisfied += e.getValue();
            }
        }
        Double nps = type == SurveyType.NPS ? round(100.0 * (promoters - detractors) / count) : null;
        Double csat = type == SurveyType.CSAT ? round(100.0 * satisfied / count) : null;
        return new SurveyResults(type, count, full, nps, csat, round(sum / count));
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
