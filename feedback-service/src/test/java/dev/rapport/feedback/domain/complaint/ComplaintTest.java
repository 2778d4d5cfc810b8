package dev.rapport.feedback.domain.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.kernel.ConflictException;
import dev.rapport.kernel.InvalidInputException;

class ComplaintTest {

    static final SlaPolicy SLA = new SlaPolicy(Map.of(
            ServiceClass.STANDARD, SlaTargets.of(hours(24), hours(120), hours(72), hours(24), hours(8)),
            ServiceClass.TOP_TIER, SlaTargets.of(hours(8), hours(72), hours(48), hours(12), hours(6)),
            ServiceClass.KEY_ACCOUNT, SlaTargets.of(hours(4), hours(48), hours(24), hours(8), hours(4))),
            Set.of("Gold", "Platinum"), hours(2), BusinessCalendar.ALWAYS);
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    static Complaint open(String priority) {
        return Complaint.open(UUID.randomUUID(), UUID.randomUUID(), "phone", "billing", priority, "Charged twice",
                "Line one\nline two", ServiceClass.STANDARD, SLA, T0);
    }

    @Test
    void deadlinesFollowThePriority() {
        Complaint urgent = open("urgent");
        assertThat(urgent.firstResponseDueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(urgent.resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(8)));
        assertThat(open(null).priority()).isEqualTo(ComplaintPriority.NORMAL);
        assertThat(open(null).description()).isEqualTo("Line one\nline two");
    }

    @Test
    void keyAccountsAndTopTiersGetTighterTargetsFixedAtOpening() {
        assertThat(SLA.classOf("A", "Bronze")).isEqualTo(ServiceClass.KEY_ACCOUNT);
        assertThat(SLA.classOf("B", "platinum")).isEqualTo(ServiceClass.TOP_TIER);
        assertThat(SLA.classOf("C", "Silver")).isEqualTo(ServiceClass.STANDARD);
        assertThat(SLA.classOf(null, null)).isEqualTo(ServiceClass.STANDARD);

        Complaint key = Complaint.open(UUID.randomUUID(), UUID.randomUUID(), "phone", "billing", "normal", "Late",
                "Two weeks", ServiceClass.KEY_ACCOUNT, SLA, T0);
        assertThat(key.serviceClass()).isEqualTo(ServiceClass.KEY_ACCOUNT);
        assertThat(key.firstResponseDueAt()).isEqualTo(T0.plus(hours(4)));
        assertThat(key.resolutionDueAt()).isEqualTo(T0.plus(hours(24)));
        Complaint top = Complaint.open(UUID.randomUUID(), UUID.randomUUID(), "phone", "billing", "urgent", "Late",
                "Two weeks", ServiceClass.TOP_TIER, SLA, T0);
        assertThat(top.firstResponseDueAt()).isEqualTo(T0.plus(hours(8)));
        assertThat(top.resolutionDueAt()).isEqualTo(T0.plus(hours(6)));
    }

    @Test
    void aPolicyTableMissingAClassOrPriorityIsRefused() {
        assertThatThrownBy(() -> new SlaPolicy(Map.of(ServiceClass.STANDARD, SLA.targets().get(ServiceClass.STANDARD)),
                Set.of(), hours(2), BusinessCalendar.ALWAYS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaTargets(hours(24), Map.of(ComplaintPriority.LOW, hours(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaTargets.of(Duration.ZERO, hours(1), hours(1), hours(1), hours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followsTheLifeCycleAndKeepsHistory() {
        Complaint c = open("normal");
        c.moveTo(ComplaintStatus.ACKNOWLEDGED, "on it", T0.plusSeconds(60), BusinessCalendar.ALWAYS);
        c.moveTo(ComplaintStatus.IN_PROGRESS, null, T0.plusSeconds(120), BusinessCalendar.ALWAYS);
        c.moveTo(ComplaintStatus.RESOLVED, null, T0.plusSeconds(180), BusinessCalendar.ALWAYS);
        c.moveTo(ComplaintStatus.IN_PROGRESS, "reopened", T0.plusSeconds(240), BusinessCalendar.ALWAYS);
        assertThat(c.resolvedAt()).isNull();
        c.moveTo(ComplaintStatus.RESOLVED, null, T0.plusSeconds(300), BusinessCalendar.ALWAYS);
        c.moveTo(ComplaintStatus.CLOSED, null, T0.plusSeconds(360), BusinessCalendar.ALWAYS);
        assertThat(c.history()).extracting(ComplaintTransition::to).containsExactly(ComplaintStatus.NEW,
                ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED,
                ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);
        assertThat(c.firstRespondedAt()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> c.moveTo(ComplaintStatus.IN_PROGRESS, null, T0.plusSeconds(400), BusinessCalendar.ALWAYS))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesSkippingSteps() {
        Complaint c = open("low");
        assertThatThrownBy(() -> c.moveTo(ComplaintStatus.RESOLVED, null, T0, BusinessCalendar.ALWAYS)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.moveTo(ComplaintStatus.NEW, null, T0, BusinessCalendar.ALWAYS)).isInstanceOf(ConflictException.class);
        assertThat(c.status()).isEqualTo(ComplaintStatus.NEW);
        assertThat(c.history()).hasSize(1);
    }

    @Test
    void waitingOnTheCustomerPausesTheClock() {
        Complaint c = open("high");
        c.moveTo(ComplaintStatus.ACKNOWLEDGED, null, T0.plus(Duration.ofHours(1)), BusinessCalendar.ALWAYS);
        c.moveTo(ComplaintStatus.IN_PROGRESS, null, T0.plus(Duration.ofHours(2)), BusinessCalendar.ALWAYS);
        c.moveTo(ComplaintStatus.WAITING_ON_CUSTOMER, null, T0.plus(Duration.ofHours(3)), BusinessCalendar.ALWAYS);
        // Past the original deadline, but paused: not breached.
        assertThat(c.resolutionBreached(T0.plus(Duration.ofHours(30)))).isFalse();
        c.moveTo(ComplaintStatus.IN_PROGRESS, null, T0.plus(Duration.ofHours(13)), BusinessCalendar.ALWAYS);
        assertThat(c.resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(34)));
        assertThat(c.resolutionBreached(T0.plus(Duration.ofHours(30)))).isFalse();
        assertThat(c.resolutionBreached(T0.plus(Duration.ofHours(35)))).isTrue();
        c.moveTo(ComplaintStatus.RESOLVED, null, T0.plus(Duration.ofHours(33)), BusinessCalendar.ALWAYS);
        assertThat(c.resolutionBreached(T0.plus(Duration.ofHours(100)))).isFalse();
    }

    @Test
    void lateFirstResponseIsABreach() {
        Complaint c = open("normal");
        assertThat(c.firstResponseBreached(T0.plus(Duration.ofHours(23)))).isFalse();
        assertThat(c.firstResponseBreached(T0.plus(Duration.ofHours(25)))).isTrue();
        c.moveTo(ComplaintStatus.ACKNOWLEDGED, null, T0.plus(Duration.ofHours(25)), BusinessCalendar.ALWAYS);
        assertThat(c.firstResponseBreached(T0.plus(Duration.ofHours(26)))).isTrue();
    }

    @Test
    void reportsEveryInvalidField() {
        assertThatThrownBy(() -> Complaint.open(UUID.randomUUID(), null, "fax", "Bad Category!", "asap", " ", null,
                ServiceClass.STANDARD, SLA, T0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactlyInAnyOrder("customerId", "channel", "category", "priority", "subject", "description"));
    }

    @Test
    void erasureKeepsFactsAndDropsText() {
        Complaint c = open("normal");
        c.moveTo(ComplaintStatus.ACKNOWLEDGED, "called Ada at home", T0.plusSeconds(5), BusinessCalendar.ALWAYS);
        c.erase(T0.plusSeconds(10));
        assertThat(c.subject()).isNull();
        assertThat(c.description()).isNull();
        assertThat(c.history()).allSatisfy(t -> assertThat(t.note()).isNull());
        assertThat(c.category()).isEqualTo("billing");
        assertThat(c.firstRespondedAt()).isEqualTo(T0.plusSeconds(5));
    }
}
