package dev.rapport.feedback.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.feedback.domain.complaint.ComplaintPriority;
import dev.rapport.feedback.domain.complaint.ServiceClass;
import dev.rapport.feedback.domain.complaint.SlaPolicy;
import dev.rapport.feedback.domain.complaint.SlaTargets;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The SLA policy table and calendar as configured: the documented defaults, and every key read. */
class SlaPolicyConfigTest {

    static SlaPolicy policy(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(FeedbackConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return new DomainProducers().slaPolicy(config.getConfigMapping(FeedbackConfig.class));
    }

    static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    @Test
    void defaultsAreTheDocumentedTableWithoutACalendar() {
        SlaPolicy policy = policy(Map.of());
        assertThat(policy.targets().get(ServiceClass.STANDARD)).isEqualTo(SlaTargets.of(h(24), h(120), h(72), h(24), h(8)));
        assertThat(policy.targets().get(ServiceClass.TOP_TIER)).isEqualTo(SlaTargets.of(h(8), h(72), h(48), h(12), h(6)));
        assertThat(policy.targets().get(ServiceClass.KEY_ACCOUNT)).isEqualTo(SlaTargets.of(h(4), h(48), h(24), h(8), h(4)));
        assertThat(policy.topTiers()).containsExactlyInAnyOrder("Gold", "Platinum");
        assertThat(policy.warningBefore()).isEqualTo(h(2));
        assertThat(policy.calendar().alwaysOpen()).isTrue();
    }

    @Test
    void readsEveryRowAndTheBusinessCalendar() {
        SlaPolicy policy = policy(Map.ofEntries(
                Map.entry("rapport.feedback.complaints.sla.key-account.resolution-urgent", "90m"),
                Map.entry("rapport.feedback.complaints.sla.top-tier.tiers", "Diamond"),
                Map.entry("rapport.feedback.complaints.sla.top-tier.first-response", "2h"),
                Map.entry("rapport.feedback.complaints.sla.calendar.enabled", "true"),
                Map.entry("rapport.feedback.complaints.sla.calendar.zone", "Asia/Shanghai"),
                Map.entry("rapport.feedback.complaints.sla.calendar.working-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY"),
                Map.entry("rapport.feedback.complaints.sla.calendar.opens", "08:30"),
                Map.entry("rapport.feedback.complaints.sla.calendar.closes", "18:00"),
                Map.entry("rapport.feedback.complaints.sla.calendar.holidays", "2026-10-01,2026-10-02")));
        assertThat(policy.targets().get(ServiceClass.KEY_ACCOUNT).resolution().get(ComplaintPriority.URGENT))
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(policy.classOf(null, "diamond")).isEqualTo(ServiceClass.TOP_TIER);
        assertThat(policy.classOf(null, "Gold")).isEqualTo(ServiceClass.STANDARD);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // Wednesday 30 September 2026, 17:00 in Shanghai, a top-tier complaint: 1 h that day, then the two
        // holidays, then Saturday 3 October (a working day here) from 08:30.
        Instant opened = LocalDateTime.parse("2026-09-30T17:00").atZone(shanghai).toInstant();
        assertThat(policy.firstResponseDue(ServiceClass.TOP_TIER, opened))
                .isEqualTo(LocalDateTime.parse("2026-10-03T09:30").atZone(shanghai).toInstant());
    }
}
