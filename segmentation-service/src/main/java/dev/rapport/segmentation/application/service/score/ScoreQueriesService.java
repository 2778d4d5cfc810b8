package dev.rapport.segmentation.application.service.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.WireNames;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.segmentation.application.port.in.score.CustomerSegmentsView;
import dev.rapport.segmentation.application.port.in.score.GetCustomerSegmentsQuery;
import dev.rapport.segmentation.application.port.in.score.GetCustomerSegmentsUseCase;
import dev.rapport.segmentation.application.port.in.score.GetRfmGridUseCase;
import dev.rapport.segmentation.application.port.in.score.GetSegmentSummaryUseCase;
import dev.rapport.segmentation.application.port.in.score.ListCustomerSegmentsQuery;
import dev.rapport.segmentation.application.port.in.score.ListCustomerSegmentsUseCase;
import dev.rapport.segmentation.application.port.in.score.RfmGrid;
import dev.rapport.segmentation.application.port.in.score.SegmentSummary;
import dev.rapport.segmentation.application.port.out.clv.ClvModelRepository;
import dev.rapport.segmentation.application.port.out.lifecycle.SignalRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository.GroupTotal;
import dev.rapport.segmentation.domain.clv.ClvEstimate;
import dev.rapport.segmentation.domain.clv.ClvModel;
import dev.rapport.segmentation.domain.clv.ClvPolicy;
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;
import dev.rapport.segmentation.domain.lifecycle.CustomerSignals;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerNotScoredException;
import dev.rapport.segmentation.domain.score.ScoredCustomer;
import dev.rapport.segmentation.domain.score.ScoringPolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;
import dev.rapport.segmentation.domain.score.Segment;

/**
 * The read side of the current run. Lifetime value, lifecycle stage, churn risk and relationship level are
 * derived at read time from the stored row, the run's fitted models and the signals, so they never go stale.
 */
@ApplicationScoped
public class ScoreQueriesService implements GetCustomerSegmentsUseCase, ListCustomerSegmentsUseCase,
        GetSegmentSummaryUseCase, GetRfmGridUseCase {

    private static final int SCAN_BATCH = 1000;

    private final ScoreRepository scores;
    private final ScoringPolicy policy;
    private final ClvModelRepository clvModels;
    private final ClvPolicy clvPolicy;
    private final SignalRepository signals;
    private final LifecyclePolicy lifecyclePolicy;
    private volatile long cachedRun = -1;
    private volatile ClvModel cachedModel;

    public ScoreQueriesService(ScoreRepository scores, ScoringPolicy policy, ClvModelRepository clvModels,
            ClvPolicy clvPolicy, SignalRepository signals, LifecyclePolicy lifecyclePolicy) {
        this.scores = scores;
        this.policy = policy;
        this.clvModels = clvModels;
        this.clvPolicy = clvPolicy;
        this.signals = signals;
        this.lifecyclePolicy = lifecyclePolicy;
    }

    @Override
    public CustomerSegmentsView get(GetCustomerSegmentsQuery query) {
        ScoredCustomer customer = scores.customer(query.customerId())
                .orElseThrow(() -> new CustomerNotScoredException(query.customerId().toString()));
        return view(customer, model(), signals.find(customer.customerId()));
    }

    @Override
    public Page<CustomerSegmentsView> list(ListCustomerSegmentsQuery query) {
        ScoreRepository.Filter filter = new ScoreRepository.Filter(
                query.segment() == null ? null : WireNames.of(query.segment()),
                query.abcClass() == null ? null : query.abcClass().name(), query.externalId());
        ClvModel model = model();
        if (!query.derivedFilter()) {
            Page<ScoredCustomer> page = scores.list(filter, query.page());
            Map<UUID, CustomerSignals> s = signals.findAll(page.items().stream().map(ScoredCustomer::customerId).toList());
            return page.map(c -> view(c, model, s.getOrDefault(c.customerId(), CustomerSignals.NONE)));
        }
        // derived filters: scan the run in id order until the page is full
        List<CustomerSegmentsView> items = new ArrayList<>();
        PageCursor after = query.page().after();
        int limit = query.page().limit();
        while (true) {
            Page<ScoredCustomer> batch = scores.list(filter, new PageRequest(SCAN_BATCH, after));
            Map<UUID, CustomerSignals> s = signals.findAll(batch.items().stream().map(ScoredCustomer::customerId).toList());
            for (ScoredCustomer c : batch.items()) {
                CustomerSegmentsView v = view(c, model, s.getOrDefault(c.customerId(), CustomerSignals.NONE));
                if (matches(v.insight(), query)) {
                    items.add(v);
                    if (items.size() == limit) {
                        return new Page<>(items, new PageCursor(java.time.Instant.EPOCH, c.customerId()));
                    }
                }
            }
            if (batch.next() == null) {
                return new Page<>(items, null);
            }
            after = batch.next();
        }
    }

    private static boolean matches(CustomerInsight insight, ListCustomerSegmentsQuery q) {
        return (q.stage() == null || insight.stage() == q.stage())
                && (q.churnRisk() == null || insight.churnRisk().level() == q.churnRisk())
                && (q.relationshipLevel() == null || insight.relationship().level() == q.relationshipLevel());
    }

    private CustomerSegmentsView view(ScoredCustomer customer, ClvModel model, CustomerSignals customerSignals) {
        ClvEstimate clv = customer.score() == null ? null
                : ClvEstimate.of(customer.score().values(), customer.asOf(), model, clvPolicy);
        CustomerInsight insight = CustomerInsight.of(customer.score(), customer.trend(), customerSignals,
                customer.asOf(), policy.zone(), lifecyclePolicy);
        return new CustomerSegmentsView(customer, clv, insight);
    }

    private ClvModel model() {
        long run = scores.currentRun().id();
        if (run != cachedRun || cachedModel == null) {
            cachedModel = clvModels.find(run).orElse(ClvModel.insufficient(0, 0));
            cachedRun = run;
        }
        return cachedModel;
    }

    @Override
    public SegmentSummary summary() {
        ScoringRun run = scores.currentRun();
        BigDecimal total = run.totalMonetary();
        List<SegmentSummary.Group> segments = groups(scores.totalsBySegment(),
                Arrays.stream(Segment.values()).map(WireNames::of).toList(), total);
        List<SegmentSummary.Group> classes = groups(scores.totalsByAbcClass(),
                Arrays.stream(AbcClass.values()).map(AbcClass::name).toList(), total);
        return new SegmentSummary(run.asOf(), run.customers(), total.setScale(2, RoundingMode.HALF_UP),
                policy.currency(), segments, classes);
    }

    private static List<SegmentSummary.Group> groups(List<GroupTotal> totals, List<String> names, BigDecimal total) {
        Map<String, GroupTotal> byName = totals.stream().collect(Collectors.toMap(GroupTotal::group, Function.identity()));
        List<SegmentSummary.Group> groups = new ArrayList<>();
        for (String name : names) {
            GroupTotal t = byName.getOrDefault(name, new GroupTotal(name, 0, BigDecimal.ZERO));
            BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                    : t.monetary().divide(total, 4, RoundingMode.HALF_UP);
            groups.add(new SegmentSummary.Group(name, t.customers(), t.monetary().setScale(2, RoundingMode.HALF_UP),
                    share));
        }
        return groups;
    }

    @Override
    public RfmGrid grid() {
        ScoringRun run = scores.currentRun();
        long[][] counts = new long[5][5];
        for (GroupTotal cell : scores.totalsByRfCell()) {
            String[] rf = cell.group().split(",");
            counts[Integer.parseInt(rf[0]) - 1][Integer.parseInt(rf[1]) - 1] = cell.customers();
        }
        return new RfmGrid(run.asOf(), run.customers(), counts);
    }
}
