package dev.rapport.segmentation.application.service.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.WireNames;
import dev.rapport.kernel.paging.Page;
import dev.rapport.segmentation.application.port.in.score.GetCustomerSegmentsQuery;
import dev.rapport.segmentation.application.port.in.score.GetCustomerSegmentsUseCase;
import dev.rapport.segmentation.application.port.in.score.GetRfmGridUseCase;
import dev.rapport.segmentation.application.port.in.score.GetSegmentSummaryUseCase;
import dev.rapport.segmentation.application.port.in.score.ListCustomerSegmentsQuery;
import dev.rapport.segmentation.application.port.in.score.ListCustomerSegmentsUseCase;
import dev.rapport.segmentation.application.port.in.score.RfmGrid;
import dev.rapport.segmentation.application.port.in.score.SegmentSummary;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository.GroupTotal;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerNotScoredException;
import dev.rapport.segmentation.domain.score.ScoredCustomer;
import dev.rapport.segmentation.domain.score.ScoringPolicy;
import dev.rapport.segmentation.domain.score.ScoringRun;
import dev.rapport.segmentation.domain.score.Segment;

/** The read side of the current run. */
@ApplicationScoped
public class ScoreQueriesService implements GetCustomerSegmentsUseCase, ListCustomerSegmentsUseCase,
        GetSegmentSummaryUseCase, GetRfmGridUseCase {

    private final ScoreRepository scores;
    private final ScoringPolicy policy;

    public ScoreQueriesService(ScoreRepository scores, ScoringPolicy policy) {
        this.scores = scores;
        this.policy = policy;
    }

    @Override
    public ScoredCustomer get(GetCustomerSegmentsQuery query) {
        return scores.customer(query.customerId())
                .orElseThrow(() -> new CustomerNotScoredException(query.customerId().toString()));
    }

    @Override
    public Page<ScoredCustomer> list(ListCustomerSegmentsQuery query) {
        return scores.list(new ScoreRepository.Filter(
                query.segment() == null ? null : WireNames.of(query.segment()),
                query.abcClass() == null ? null : query.abcClass().name(), query.externalId()), query.page());
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
