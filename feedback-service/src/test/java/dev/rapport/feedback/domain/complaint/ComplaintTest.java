package dev.rapport.feedback.domain.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.kernel.ConflictException;
import dev.rapport.kernel.InvalidInputException;

class ComplaintTest {

    static final SlaPolicy SLA = new SlaPolicy(Duration.ofHours(24), Map.of(
            ComplaintPriority.LOW, Duration.ofHours(120), ComplaintPriority.NORMAL, Duration.ofHours(72),
            ComplaintPriority.HIGH, Duration.ofHours(24), ComplaintPriority.URGENT, Duration.ofHours(8)),
            Duration.ofHours(2));
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    static Complaint open(String priority) {
        return Complaint.open(UUID.randomUUID(), UUID.randomUUID(), "phone", "billing", priority, "Charged twice",
                "Line one\nline two", SLA, T0);
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
    void followsTheLifeCycleAndKeepsHistory() {
        Complaint c = open("normal");
        c.moveTo(ComplaintStatus.ACKNOWLEDGED, "on it", T0.plusSeconds(60));
        c.moveTo(ComplaintStatus.IN_PROGRESS, null, T0.plusSeconds(120));
        c.moveTo(ComplaintStatus.RESOLVED, null, T0.plusSeconds(180));
        c.moveTo(ComplaintStatus.IN_PROGRESS, "reopened", T0.plusSeconds(240));
        assertThat(c.resolvedAt()).isNull();
        c.moveTo(ComplaintStatus.RESOLVED, null, T0.plusSeconds(300));
        c.moveTo(ComplaintStatus.CLOSED, null, T0.plusSeconds(360));
        assertThat(c.history()).extracting(ComplaintTransition::to).containsExactly(ComplaintStatus.NEW,
                ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED,
                ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);
        assertThat(c.firstRespondedAt()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> c.moveTo(ComplaintStatus.IN_PROGRESS, null, T0.plusSeconds(400)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesSkippingSteps() {
        Complaint c = open("low");
        assertThatThrownBy(() -> c.moveTo(ComplaintStatus.RESOLVED, null, T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> c.moveTo(ComplaintStatus.NEW, null, T0)).isInstanceOf(ConflictException.class);
        assertThat(c.status()).isEqualTo(ComplaintStatus.NEW);
        assertThat(c.history()).hasSize(1);
    }

    @Test
    void waitingOnTheCustomerPausesTheClock() {
        Complaint c = open("high");
        c.moveTo(ComplaintStatus.ACKNOWLEDGED, null, T0.plus(Duration.ofHours(1)));
        c.moveTo(ComplaintStatus.IN_PROGRESS, null, T0.plus(Duration.ofHours(2)));
        c.moveTo(ComplaintStatus.WAITING_ON_CUSTOMER, null, T0.plus(Duration.ofHours(3)));
        // Past the original deadline, but paused: not breached.
        assertThat(c.resolutionBreached(T0.plus(Duration.ofHours(30)))).isFalse();
        c.moveTo(ComplaintStatus.IN_PROGRESS, null, T0.plus(Duration.ofHours(13)));
        assertThat(c.resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(34)));
        assertThat(c.resolutionBreached(T0.plus(Duration.ofHours(30)))).isFalse();
        assertThat(c.resolutionBreached(T0.plus(Duration.ofHours(35)))).isTrue();
        c.moveTo(ComplaintStatus.RESOLVED, null, T0.plus(Duration.ofHours(33)));
        assertThat(c.resolutionBreached(T0.plus(Duration.ofHours(100)))).isFalse();
    }

    @Test
    void lateFirstResponseIsABreach() {
        Complaint c = open("normal");
        assertThat(c.firstResponseBreached(T0.plus(Duration.ofHours(23)))).isFalse();
        assertThat(c.firstResponseBreached(T0.plus(Duration.ofHours(25)))).isTrue();
        c.moveTo(ComplaintStatus.ACKNOWLEDGED, null, T0.plus(Duration.ofHours(25)));
        assertThat(c.firstResponseBreached(T0.plus(Duration.ofHours(26)))).isTrue();
    }

    @Test
    void reportsEveryInvalidField() {
        assertThatThrownBy(() -> Complaint.open(UUID.randomUUID(), null, "fax", "Bad Category!", "asap", " ", null, SLA, T0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactlyInAnyOrder("customerId", "channel", "category", "priority", "subject", "description"));
    }

    @Test
    void erasureKeepsFactsAndDropsText() {
        Complaint c = open("normal");
        c.moveTo(ComplaintStatus.ACKNOWLEDGED, "called Ada at home", T0.plusSeconds(5));
        c.erase(T0.plusSeconds(10));
        assertThat(c.subject()).isNull();
        assertThat(c.description()).isNull();
        assertThat(c.history()).allSatisfy(t -> assertThat(t.note()).isNull());
        assertThat(c.category()).isEqualTo("billing");
        assertThat(c.firstRespondedAt()).isEqualTo(T0.plusSeconds(5));
    }
}
