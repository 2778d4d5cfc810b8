package dev.rapport.segmentation.domain.score;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores a whole population at once, in plain Java (O(n log n)): the reference the SQL recompute must agree
 * with, and the scorer for small populations.
 */
public final class RfmScoring {

    private RfmScoring() {
    }

    public static Map<UUID, CustomerScore> scoreAll(Map<UUID, RfmValues> population) {
        int n = population.size();
        Map<UUID, CustomerScore> scores = new HashMap<>(Math.max(16, n * 2));
        if (n == 0) {
            return scores;
        }
        List<Map.Entry<UUID, RfmValues>> entries = new ArrayList<>(population.entrySet());
        int[] recency = entries.stream().mapToInt(e -> e.getValue().recencyDays()).sorted().toArray();
        int[] frequency = entries.stream().mapToInt(e -> e.getValue().frequency()).sorted().toArray();
        BigDecimal[] monetary = entries.stream().map(e -> e.getValue().monetary()).sorted().toArray(BigDecimal[]::new);
        // suffix sums of the ascending monetary values: above(v) = sum of values > v
        BigDecimal[] suffix = new BigDecimal[n + 1];
        suffix[n] = BigDecimal.ZERO;
        for (int i = n - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1].add(monetary[i]);
        }
        BigDecimal total = suffix[0];
        for (Map.Entry<UUID, RfmValues> entry : entries) {
            RfmValues v = entry.getValue();
            long worseRecency = n - SortedRanks.upperBound(recency, v.recencyDays());
            long fewer = SortedRanks.lowerBound(frequency, v.frequency());
            int smaller = SortedRanks.lowerBound(monetary, v.monetary());
            int notGreater = SortedRanks.upperBound(monetary, v.monetary());
            PopulationPosition position = new PopulationPosition(n, worseRecency, fewer, smaller,
                    suffix[notGreater], total);
            scores.put(entry.getKey(), CustomerScore.of(entry.getKey(), v, position));
        }
        return scores;
    }
}
