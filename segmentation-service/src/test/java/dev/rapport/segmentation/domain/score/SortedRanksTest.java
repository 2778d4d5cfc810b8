package dev.rapport.segmentation.domain.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class SortedRanksTest {

    @Test
    void countsBelowAndAtMostWithTies() {
        int[] ints = {1, 3, 3, 3, 7};
        assertThat(SortedRanks.lowerBound(ints, 3)).isEqualTo(1);
        assertThat(SortedRanks.upperBound(ints, 3)).isEqualTo(4);
        assertThat(SortedRanks.lowerBound(ints, 0)).isZero();
        assertThat(SortedRanks.upperBound(ints, Integer.MAX_VALUE)).isEqualTo(5);

        long[] longs = {-5L, 2L, 2L, Long.MAX_VALUE};
        assertThat(SortedRanks.lowerBound(longs, 2L)).isEqualTo(1);
        assertThat(SortedRanks.upperBound(longs, 2L)).isEqualTo(3);
        assertThat(SortedRanks.upperBound(longs, Long.MAX_VALUE)).isEqualTo(4);

        BigDecimal[] amounts = {new BigDecimal("1.0"), new BigDecimal("2.50"), new BigDecimal("2.5"), new BigDecimal("9")};
        assertThat(SortedRanks.lowerBound(amounts, new BigDecimal("2.5"))).isEqualTo(1);
        assertThat(SortedRanks.upperBound(amounts, new BigDecimal("2.500"))).isEqualTo(3);
    }
}
