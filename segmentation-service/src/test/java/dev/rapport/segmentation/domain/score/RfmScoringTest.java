package dev.rapport.segmentation.domain.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.segmentation.domain.purchase.PurchaseAmount;

class RfmScoringTest {

    private static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);

    private static RfmValues values(int recency, int frequency, String monetary) {
        LocalDate last = AS_OF.minusDays(recency);
        return new RfmValues(last.minusDays(10), last, recency, frequency, new BigDecimal(monetary));
    }

    @Test
    void scoreIsFloorOfFiveTimesBelowOverNPlusOne() {
        assertThat(Scores.score(0, 10)).isEqualTo(1);
        assertThat(Scores.score(1, 10)).isEqualTo(1);
        assertThat(Scores.score(2, 10)).isEqualTo(2);
        assertThat(Scores.score(9, 10)).isEqualTo(5);
        assertThat(Scores.score(0, 1)).isEqualTo(1);
        assertThat(Scores.score(3, 7)).isEqualTo(3); // floor(15/7)=2
        assertThatThrownBy(() -> Scores.score(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scores.score(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handMadePopulationWithTies() {
        // five customers; two share recency 10 and two share frequency 1; monetary 100, 100, 50, 30, 20 (T=300)
        UUID a = new UUID(0, 1);
        UUID b = new UUID(0, 2);
        UUID c = new UUID(0, 3);
        UUID d = new UUID(0, 4);
        UUID e = new UUID(0, 5);
        Map<UUID, RfmValues> population = new LinkedHashMap<>();
        population.put(a, values(1, 5, "100.00"));
        population.put(b, values(10, 3, "100.00"));
        population.put(c, values(10, 1, "50.00"));
        population.put(d, values(40, 1, "30.00"));
        population.put(e, values(300, 2, "20.00"));

        Map<UUID, CustomerScore> scores = RfmScoring.scoreAll(population);

        // R: worse = strictly more days. a: 4 worse -> floor(20/5)+1 = 5; b,c: 2 worse -> 3; d: 1 -> 2; e: 0 -> 1
        assertThat(scores.get(a).r()).isEqualTo(5);
        assertThat(scores.get(b).r()).isEqualTo(3);
        assertThat(scores.get(c).r()).isEqualTo(3);
        assertThat(scores.get(d).r()).isEqualTo(2);
        assertThat(scores.get(e).r()).isEqualTo(1);
        // F: fewer = strictly fewer purchases. a: 4 -> 5; b: 3 -> 4; e: 2 -> 3; c,d: 0 -> 1
        assertThat(scores.get(a).f()).isEqualTo(5);
        assertThat(scores.get(b).f()).isEqualTo(4);
        assertThat(scores.get(e).f()).isEqualTo(3);
        assertThat(scores.get(c).f()).isEqualTo(1);
        assertThat(scores.get(d).f()).isEqualTo(1);
        // M: a and b tie at 100: 3 smaller -> 4 both; c: 2 -> 3; d: 1 -> 2; e: 0 -> 1
        assertThat(scores.get(a).m()).isEqualTo(4);
        assertThat(scores.get(b).m()).isEqualTo(4);
        assertThat(scores.get(c).m()).isEqualTo(3);
        assertThat(scores.get(d).m()).isEqualTo(2);
        assertThat(scores.get(e).m()).isEqualTo(1);
        // segments from (R, F)
        assertThat(scores.get(a).segment()).isEqualTo(Segment.CHAMPIONS);
        assertThat(scores.get(b).segment()).isEqualTo(Segment.LOYAL_CUSTOMERS);
        assertThat(scores.get(c).segment()).isEqualTo(Segment.ABOUT_TO_SLEEP);
        assertThat(scores.get(d).segment()).isEqualTo(Segment.HIBERNATING);
        assertThat(scores.get(e).segment()).isEqualTo(Segment.AT_RISK);
        // ABC: above(a)=above(b)=0 -> A; above(c)=200 < 240 -> A; above(d)=250 < 285 -> B; above(e)=280 -> B
        assertThat(scores.get(a).abcClass()).isEqualTo(AbcClass.A);
        assertThat(scores.get(b).abcClass()).isEqualTo(AbcClass.A);
        assertThat(scores.get(c).abcClass()).isEqualTo(AbcClass.A);
        assertThat(scores.get(d).abcClass()).isEqualTo(AbcClass.B);
        assertThat(scores.get(e).abcClass()).isEqualTo(AbcClass.B);
    }

    @Test
    void abcBoundariesAreExact() {
        BigDecimal total = new BigDecimal("100.00");
        assertThat(AbcClass.of(new BigDecimal("79.99"), total)).isEqualTo(AbcClass.A);
        assertThat(AbcClass.of(new BigDecimal("80.00"), total)).isEqualTo(AbcClass.B);
        assertThat(AbcClass.of(new BigDecimal("94.99"), total)).isEqualTo(AbcClass.B);
        assertThat(AbcClass.of(new BigDecimal("95.00"), total)).isEqualTo(AbcClass.C);
    }

    @Test
    void everyCellOfTheGridHasTheSegmentOfTheTable() {
        String[][] expected = {
                // F1..F5 for R1
                {"LOST", "LOST", "AT_RISK", "AT_RISK", "CANT_LOSE_THEM"},
                {"HIBERNATING", "HIBERNATING", "AT_RISK", "AT_RISK", "CANT_LOSE_THEM"},
                {"ABOUT_TO_SLEEP", "ABOUT_TO_SLEEP", "NEED_ATTENTION", "LOYAL_CUSTOMERS", "LOYAL_CUSTOMERS"},
                {"PROMISING", "POTENTIAL_LOYALIST", "POTENTIAL_LOYALIST", "LOYAL_CUSTOMERS", "LOYAL_CUSTOMERS"},
                {"NEW_CUSTOMERS", "POTENTIAL_LOYALIST", "POTENTIAL_LOYALIST", "CHAMPIONS", "CHAMPIONS"}};
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                assertThat(Segment.of(r, f).name()).as("R%d F%d", r, f).isEqualTo(expected[r - 1][f - 1]);
            }
        }
        assertThat(Segment.CANT_LOSE_THEM.displayName()).isEqualTo("Can't Lose Them");
    }

    @Test
    void equalValuesShareScoresAndTheScorerAgreesWithBruteForce() {
        Random random = new Random(42);
        Map<UUID, RfmValues> population = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            population.put(new UUID(1, i), values(random.nextInt(30), 1 + random.nextInt(6),
                    (1 + random.nextInt(20)) + "." + (random.nextBoolean() ? "50" : "00")));
        }
        Map<UUID, CustomerScore> scores = RfmScoring.scoreAll(population);
        long n = population.size();
        BigDecimal total = population.values().stream().map(RfmValues::monetary).reduce(BigDecimal.ZERO, BigDecimal::add);
        population.forEach((id, v) -> {
            long worseR = population.values().stream().filter(o -> o.recencyDays() > v.recencyDays()).count();
            long fewerF = population.values().stream().filter(o -> o.frequency() < v.frequency()).count();
            long smallerM = population.values().stream().filter(o -> o.monetary().compareTo(v.monetary()) < 0).count();
            BigDecimal above = population.values().stream().filter(o -> o.monetary().compareTo(v.monetary()) > 0)
                    .map(RfmValues::monetary).reduce(BigDecimal.ZERO, BigDecimal::add);
            CustomerScore s = scores.get(id);
            assertThat(s.r()).isEqualTo((int) (5 * worseR / n) + 1);
            assertThat(s.f()).isEqualTo((int) (5 * fewerF / n) + 1);
            assertThat(s.m()).isEqualTo((int) (5 * smallerM / n) + 1);
            assertThat(s.abcClass()).isEqualTo(AbcClass.of(above, total));
        });
    }

    @Test
    void countingRuleTakesPositivePurchasesBeforeTheStartOfAsOfInTheBusinessZone() {
        ZoneId zone = ZoneOffset.UTC;
        List<PurchaseAmount> purchases = List.of(
                new PurchaseAmount(Instant.parse("2011-12-01T10:00:00Z"), new BigDecimal("10.005")),
                new PurchaseAmount(Instant.parse("2011-12-09T23:59:59Z"), new BigDecimal("5.00")),
                new PurchaseAmount(Instant.parse("2011-12-10T00:00:00Z"), new BigDecimal("100.00")), // on asOf: not counted
                new PurchaseAmount(Instant.parse("2011-11-01T00:00:00Z"), new BigDecimal("0.00")), // total 0: not counted
                new PurchaseAmount(Instant.parse("2011-10-01T00:00:00Z"), new BigDecimal("-3.00")));
        RfmValues v = CountingPurchases.values(purchases, AS_OF, zone).orElseThrow();
        assertThat(v.recencyDays()).isEqualTo(1);
        assertThat(v.frequency()).isEqualTo(2);
        assertThat(v.monetary()).isEqualByComparingTo("15.01"); // 15.005 half-up
        assertThat(v.firstPurchase()).isEqualTo(LocalDate.of(2011, 12, 1));

        // the same instants in a zone east of UTC: 2011-12-09T23:59:59Z is already 2011-12-10 in Berlin
        RfmValues berlin = CountingPurchases.values(purchases, AS_OF, ZoneId.of("Europe/Berlin")).orElseThrow();
        assertThat(berlin.frequency()).isEqualTo(1);
        assertThat(berlin.recencyDays()).isEqualTo(9);

        assertThat(CountingPurchases.values(List.of(purchases.get(2)), AS_OF, zone)).isEmpty();
        RfmValues later = CountingPurchases.valuesIncludingLater(purchases, AS_OF, zone).orElseThrow();
        assertThat(later.frequency()).isEqualTo(3);
        assertThat(later.recencyDays()).isZero();
    }
}
