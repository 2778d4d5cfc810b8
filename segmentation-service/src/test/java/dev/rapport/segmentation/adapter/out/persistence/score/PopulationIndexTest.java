package dev.rapport.segmentation.adapter.out.persistence.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.rapport.segmentation.adapter.out.persistence.score.PopulationIndex.Entry;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository.Comparison;

class PopulationIndexTest {

    @Test
    void comparisonsEqualCountingOverTheOthersThroughInsertsUpdatesAndRemovals() {
        Random random = new Random(42);
        PopulationIndex index = new PopulationIndex();
        List<Entry> population = new ArrayList<>();
        for (int step = 0; step < 4_000; step++) {
            int action = random.nextInt(10);
            if (action < 5 || population.isEmpty()) {
                Entry added = randomEntry(random);
                population.add(added);
                index.add(added);
            } else if (action < 8) {
                int i = random.nextInt(population.size());
                Entry changed = randomEntry(random);
                index.remove(population.get(i));
                index.add(changed);
                population.set(i, changed);
            } else {
                index.remove(population.remove(random.nextInt(population.size())));
            }
            if (population.isEmpty()) {
                continue;
            }
            Entry own = population.get(random.nextInt(population.size()));
            Entry candidate = random.nextBoolean() ? own : randomEntry(random);
            assertEquals(bruteForce(population, own, candidate), index.compare(candidate, own));
            assertEquals(bruteForce(population, null, candidate), index.compare(candidate, null));
        }
        assertEquals(population.size(), index.size());
    }

    @Test
    void equalValuesAreNeitherWorseNorAbove() {
        PopulationIndex index = new PopulationIndex();
        Entry a = Entry.of(10, 2, new BigDecimal("100.00"));
        Entry b = Entry.of(10, 2, new BigDecimal("100.0"));
        Entry c = Entry.of(30, 1, new BigDecimal("20.50"));
        index.add(a);
        index.add(b);
        index.add(c);
        assertEquals(new Comparison(1, 1, 1, new BigDecimal("0.00")), index.compare(a, a));
        assertEquals(new Comparison(0, 0, 0, new BigDecimal("200.00")), index.compare(c, c));
        // a new customer is compared with all three
        assertEquals(new Comparison(3, 3, 3, new BigDecimal("0.00")), index.compare(Entry.of(5, 4,
                new BigDecimal("500.00")), null));
    }

    @Test
    void removingAValueNotHeldIsAnError() {
        PopulationIndex index = new PopulationIndex();
        index.add(Entry.of(1, 1, BigDecimal.ONE));
        assertThrows(IllegalStateException.class, () -> index.remove(Entry.of(2, 1, BigDecimal.ONE)));
    }

    @Test
    void monetaryFinerThanCentsIsRejected() {
        assertThrows(ArithmeticException.class, () -> PopulationIndex.cents(new BigDecimal("1.005")));
    }

    private static Entry randomEntry(Random random) {
        // narrow ranges so that ties are frequent
        return new Entry(random.nextInt(40), 1 + random.nextInt(8), 1 + random.nextInt(3_000));
    }

    private static Comparison bruteForce(List<Entry> population, Entry own, Entry values) {
        long worse = 0;
        long fewer = 0;
        long smaller = 0;
        long above = 0;
        boolean skipped = false;
        for (Entry e : population) {
            if (own != null && !skipped && e.equals(own)) {
                skipped = true;
                continue;
            }
            worse += e.recencyDays() > values.recencyDays() ? 1 : 0;
            fewer += e.frequency() < values.frequency() ? 1 : 0;
            smaller += e.monetaryCents() < values.monetaryCents() ? 1 : 0;
            above += e.monetaryCents() > values.monetaryCents() ? e.monetaryCents() : 0;
        }
        return new Comparison(worse, fewer, smaller, BigDecimal.valueOf(above, 2));
    }
}
