package dev.rapport.segmentation.application.service.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.segmentation.application.port.out.lifecycle.LifecycleEventPublisher;
import dev.rapport.segmentation.application.port.out.lifecycle.SignalRepository;
import dev.rapport.segmentation.application.port.out.purchase.PurchaseFactsRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreEventPublisher;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.application.service.lifecycle.CustomerInsights;
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;
import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
import dev.rapport.segmentation.domain.purchase.PurchaseAmount;
import dev.rapport.segmentation.domain.purchase.PurchaseFact;
import dev.rapport.segmentation.domain.purchase.ReturnFact;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.RfmScoring;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.segmentation.domain.score.ScoredCustomer;
import dev.rapport.segmentation.domain.score.ScoringPolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;
import dev.rapport.segmentation.domain.score.Segment;
import dev.rapport.segmentation.domain.score.StoredScore;

/** The incremental path with in-memory ports: one customer re-scored against the others, n and T kept exact. */
class CustomerRescorerTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    final Map<UUID, List<PurchaseAmount>> purchases = new HashMap<>();
    final Map<UUID, StoredScore> rows = new HashMap<>();
    final List<String> published = new ArrayList<>();
    long n;
    BigDecimal total = BigDecimal.ZERO;

    final PurchaseFactsRepository purchaseRepo = new PurchaseFactsRepository() {
        public Optional<List<PurchaseAmount>> addKeepingTotals(PurchaseFact p) {
            List<PurchaseAmount> history = purchases.computeIfAbsent(p.customerId(), k -> new ArrayList<>());
            history.add(new PurchaseAmount(p.occurredAt(), p.total()));
            return Optional.of(List.copyOf(history));
        }

        public Map<UUID, List<PurchaseAmount>> addAllKeepingTotals(List<PurchaseFact> all) {
            Map<UUID, List<PurchaseAmount>> histories = new LinkedHashMap<>();
            all.forEach(p -> addKeepingTotals(p).ifPresent(h -> histories.put(p.customerId(), h)));
            return histories;
        }

        public int addAll(List<PurchaseFact> all) {
            all.forEach(this::addKeepingTotals);
            return all.size();
        }

        public void addReturns(List<ReturnFact> returns) {
        }

        public List<PurchaseAmount> purchasesOf(UUID customerId) {
            return purchases.getOrDefault(customerId, List.of());
        }

        public void keepTotals(UUID customerId, dev.rapport.segmentation.domain.purchase.CustomerTotals totals) {
        }
    };

    final ScoreRepository scoreRepo = new ScoreRepository() {
        public ScoringRun currentRunForUpdate() {
            return currentRun();
        }

        public ScoringRun currentRun() {
            return new ScoringRun(1, AS_OF, ZoneOffset.UTC, n, total);
        }

        public Optional<ScoringRun> run(long runId) {
            return Optional.of(currentRun());
        }

        public Optional<StoredScore> find(long runId, UUID customerId) {
            return Optional.ofNullable(rows.get(customerId));
        }

        public Comparison compare(long runId, UUID customerId, RfmValues own, RfmValues v) {
            List<RfmValues> others = rows.entrySet().stream().filter(e -> !e.getKey().equals(customerId))
                    .map(e -> e.getValue().score().values()).toList();
            return new Comparison(others.stream().filter(o -> o.recencyDays() > v.recencyDays()).count(),
                    others.stream().filter(o -> o.frequency() < v.frequency()).count(),
                    others.stream().filter(o -> o.monetary().compareTo(v.monetary()) < 0).count(),
                    others.stream().map(RfmValues::monetary).filter(m -> m.compareTo(v.monetary()) > 0)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
        }

        public void save(long runId, StoredScore stored, RfmValues previous, int customersDelta,
                BigDecimal monetaryDelta) {
            rows.put(stored.score().customerId(), stored);
            n += customersDelta;
            total = total.add(monetaryDelta);
        }

        public void remove(long runId, UUID customerId, RfmValues previous) {
            if (rows.remove(customerId) != null) {
                n--;
                total = total.subtract(previous.monetary());
            }
        }


        public Optional<ScoredCustomer> customer(UUID customerId) {
            throw new UnsupportedOperationException();
        }

        public Page<ScoredCustomer> list(Filter filter, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        public List<GroupTotal> totalsBySegment() {
            throw new UnsupportedOperationException();
        }

        public List<GroupTotal> totalsByAbcClass() {
            throw new UnsupportedOperationException();
        }

        public List<GroupTotal> totalsByRfCell() {
            throw new UnsupportedOperationException();
        }
    };

    final ScoreEventPublisher scoreEvents = new ScoreEventPublisher() {
        public void segmentChanged(ScoringRun run, Segment from, CustomerScore after) {
            published.add("segment " + from + ">" + after.segment());
        }

        public void abcClassChanged(ScoringRun run, AbcClass from, CustomerScore after) {
            published.add("abc " + from + ">" + after.abcClass());
        }
    };

    final SignalRepository signals = new SignalRepository() {
        public CustomerSignals find(UUID customerId) {
            return CustomerSignals.NONE;
        }

        public Map<UUID, CustomerSignals> findAll(Collection<UUID> ids) {
            return Map.of();
        }

        public void nps(UUID c, int s) {
        }

        public void csat(UUID c, int r) {
        }

        public void complaint(UUID c, int d, boolean b) {
        }

        public void loyaltyActivity(UUID c, Instant at) {
        }

        public void pointsExpired(UUID c, long p) {
        }

        public void merge(UUID s, UUID d) {
        }
    };

    final LifecycleEventPublisher lifecycleEvents = new LifecycleEventPublisher() {
        public void lifecycleStageChanged(UUID c, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
            published.add("stage " + before.stage() + ">" + after.stage());
        }

        public void churnRiskRaised(UUID c, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
            published.add("risk " + after.churnRisk().level());
        }

        public void relationshipLevelChanged(UUID c, LocalDate asOf, CustomerInsight before, CustomerInsight after) {
            published.add("level " + before.relationship().level() + ">" + after.relationship().level());
        }
    };

    final CustomerRescorer rescorer = new CustomerRescorer(purchaseRepo, scoreRepo, scoreEvents, lifecycleEvents, signals,
            new CustomerInsights(scoreRepo, signals, lifecycleEvents, LifecyclePolicy.DEFAULTS,
                    new ScoringPolicy(ZoneOffset.UTC, "GBP")),
            LifecyclePolicy.DEFAULTS);

    private void buy(UUID customer, String total, int daysAgo) {
        ScoringRun run = scoreRepo.currentRunForUpdate();
        purchaseRepo.addKeepingTotals(new PurchaseFact(UUID.randomUUID(), customer, null, new BigDecimal(total), "GBP",
                AS_OF.minusDays(daysAgo).atTime(12, 0).toInstant(ZoneOffset.UTC)))
                .ifPresent(history -> rescorer.rescore(run, customer, history, true));
    }

    @Test
    void eachCustomerIsScoredAgainstTheOthersWithNAndTKeptExact() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        buy(a, "100.00", 10);
        assertThat(published).containsExactly("segment null>LOST", "abc null>A", "stage PROSPECT>NEW",
                "level 1>2");
        // n = 1: nobody is strictly worse, so R = F = M = 1: Lost (the rule, however odd for a lone customer)
        assertThat(rows.get(a).score().r()).isEqualTo(1);
        buy(b, "50.00", 40);
        buy(c, "10.00", 5);
        buy(c, "10.00", 3);
        assertThat(n).isEqualTo(3);
        assertThat(total).isEqualByComparingTo("170.00");

        // the last one re-scored sees everyone else as they are now: same as a full scoring of its values
        Map<UUID, RfmValues> population = new HashMap<>();
        rows.forEach((id, row) -> population.put(id, row.score().values()));
        CustomerScore full = RfmScoring.scoreAll(population).get(c);
        CustomerScore incremental = rows.get(c).score();
        assertThat(incremental).isEqualTo(full);
        assertThat(rows.get(c).score().values().frequency()).isEqualTo(2);
        assertThat(rows.get(c).trend().recent()).isEqualByComparingTo("20.00");
    }

    @Test
    void customersRescoredTogetherEndAsRescoredOneByOne() {
        CustomerRescorerTest oneByOne = new CustomerRescorerTest();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        buy(a, "100.00", 10);
        oneByOne.buy(a, "100.00", 10);
        published.clear();
        oneByOne.published.clear();

        Map<UUID, List<PurchaseAmount>> histories = new LinkedHashMap<>();
        histories.put(b, add(b, "50.00", 40));
        histories.put(c, add(c, "10.00", 5));
        histories.put(a, add(a, "30.00", 2));
        rescorer.rescoreAll(scoreRepo.currentRunForUpdate(), histories, true);
        oneByOne.buy(b, "50.00", 40);
        oneByOne.buy(c, "10.00", 5);
        oneByOne.buy(a, "30.00", 2);

        assertThat(rows).isEqualTo(oneByOne.rows).hasSize(3);
        assertThat(published).isEqualTo(oneByOne.published).isNotEmpty();
        assertThat(n).isEqualTo(oneByOne.n).isEqualTo(3);
        assertThat(total).isEqualByComparingTo(oneByOne.total).isEqualByComparingTo("190.00");
    }

    private List<PurchaseAmount> add(UUID customer, String total, int daysAgo) {
        return purchaseRepo.addKeepingTotals(new PurchaseFact(UUID.randomUUID(), customer, null, new BigDecimal(total),
                "GBP", AS_OF.minusDays(daysAgo).atTime(12, 0).toInstant(ZoneOffset.UTC))).orElseThrow();
    }

    @Test
    void aCustomerWithoutCountingPurchasesLeavesThePopulation() {
        UUID a = UUID.randomUUID();
        buy(a, "20.00", 1);
        purchases.clear(); // e.g. merged away: its purchases now belong to another customer
        rescorer.rescore(scoreRepo.currentRunForUpdate(), a, false);
        assertThat(rows).isEmpty();
        assertThat(n).isZero();
        assertThat(total).isEqualByComparingTo("0");
    }
}
