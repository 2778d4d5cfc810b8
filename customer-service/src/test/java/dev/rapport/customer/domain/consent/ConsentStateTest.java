package dev.rapport.customer.domain.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;

class ConsentStateTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private final CustomerId customer = CustomerId.newId();

    private ConsentRecord record(String channel, String purpose, String status, Instant capturedAt) {
        return ConsentRecord.capture(ConsentRecordId.newId(), customer, channel, purpose, status, "web-form",
                capturedAt, NOW);
    }

    @Test
    void noRecordMeansNoConsent() {
        ConsentState state = ConsentState.empty();

        assertThat(state.permits(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)).isFalse();
        assertThat(state.statusOf(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)).isEmpty();
        assertThat(state.current()).isEmpty();
    }

    @Test
    void onlyGrantedPermitsAndOnlyForItsOwnChannelAndPurpose() {
        ConsentState state = ConsentState.of(List.of(
                record("email", "marketing", "granted", NOW.minusSeconds(60)),
                record("sms", "marketing", "denied", NOW.minusSeconds(60)),
                record("phone", "service", "revoked", NOW.minusSeconds(60))));

        assertThat(state.permits(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)).isTrue();
        assertThat(state.permits(ConsentChannel.EMAIL, ConsentPurpose.PROFILING)).isFalse();
        assertThat(state.permits(ConsentChannel.SMS, ConsentPurpose.MARKETING)).isFalse();
        assertThat(state.permits(ConsentChannel.PHONE, ConsentPurpose.SERVICE)).isFalse();
        assertThat(state.current()).extracting(ConsentRecord::key).containsExactly(
                new ConsentKey(ConsentChannel.EMAIL, ConsentPurpose.MARKETING),
                new ConsentKey(ConsentChannel.SMS, ConsentPurpose.MARKETING),
                new ConsentKey(ConsentChannel.PHONE, ConsentPurpose.SERVICE));
    }

    @Test
    void theLatestCaptureWinsEvenWhenRecordedEarlier() {
        ConsentRecord revokedLater = record("email", "marketing", "revoked", NOW.minusSeconds(10));
        ConsentRecord grantedEarlierButRecordedAfter = record("email", "marketing", "granted", NOW.minusSeconds(3600));

        ConsentState state = ConsentState.of(List.of(revokedLater, grantedEarlierButRecordedAfter));

        assertThat(state.statusOf(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)).contains(ConsentStatus.REVOKED);
    }

    @Test
    void ofTwoCapturesAtTheSameInstantTheOneRecordedLastWins() {
        Instant same = NOW.minusSeconds(5);
        ConsentState state = ConsentState.of(List.of(
                record("post", "profiling", "granted", same),
                record("post", "profiling", "denied", same)));

        assertThat(state.statusOf(ConsentChannel.POST, ConsentPurpose.PROFILING)).contains(ConsentStatus.DENIED);
    }

    @Test
    void appendTellsWhetherTheCurrentStatusChanged() {
        List<ConsentRecord> history = new ArrayList<>();
        ConsentRecord first = record("email", "marketing", "granted", NOW.minusSeconds(100));
        ConsentState.Appended a1 = ConsentState.of(history).append(first);
        assertThat(a1.statusChanged()).as("a first record is a change").isTrue();
        assertThat(a1.current()).isEqualTo(first);
        history.add(first);

        ConsentRecord same = record("email", "marketing", "granted", NOW.minusSeconds(50));
        ConsentState.Appended a2 = ConsentState.of(history).append(same);
        assertThat(a2.statusChanged()).as("same status again is evidence, not a change").isFalse();
        assertThat(a2.current()).isEqualTo(same);
        history.add(same);

        ConsentRecord backDated = record("email", "marketing", "revoked", NOW.minusSeconds(500));
        ConsentState.Appended a3 = ConsentState.of(history).append(backDated);
        assertThat(a3.statusChanged()).as("an older statement does not become current").isFalse();
        assertThat(a3.current()).isEqualTo(same);
        history.add(backDated);

        ConsentRecord revoked = record("email", "marketing", "revoked", NOW);
        ConsentState.Appended a4 = ConsentState.of(history).append(revoked);
        assertThat(a4.statusChanged()).isTrue();
        assertThat(a4.state().permits(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)).isFalse();
    }

    @Test
    void captureDefaultsToNowAndReportsEveryInvalidField() {
        ConsentRecord now = record("email", "service", "granted", null);
        assertThat(now.capturedAt()).isEqualTo(NOW);
        assertThat(now.recordedAt()).isEqualTo(NOW);
        assertThat(record("email", "service", "granted", NOW).capturedAt()).as("now itself is not the future")
                .isEqualTo(NOW);

        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> ConsentRecord.capture(ConsentRecordId.newId(), customer, "fax", "Marketing", "maybe",
                        "x".repeat(101), NOW.plusMillis(1), NOW));

        assertThat(invalid.violations()).extracting(FieldViolation::field)
                .containsExactly("channel", "purpose", "status", "source", "capturedAt");
        assertThat(invalid.violations().getFirst().message()).isEqualTo("must be one of [email, sms, phone, post]");
        assertThat(invalid.violations().get(4).message()).isEqualTo("must not be in the future");
    }

    @Test
    void sourceIsRequired() {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> ConsentRecord.capture(ConsentRecordId.newId(), customer, "sms", "service", "denied", "  ",
                        null, NOW));

        assertThat(invalid.violations()).containsExactly(new FieldViolation("source", "must not be blank"));
    }
}
