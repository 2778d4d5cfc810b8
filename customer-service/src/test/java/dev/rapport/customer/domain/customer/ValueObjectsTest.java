package dev.rapport.customer.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.kernel.InvalidValueException;

class ValueObjectsTest {

    @Test
    void tagsAreTrimmedLowerCasedAndCollapsed() {
        assertThat(new Tag("  VIP   Gold ").value()).isEqualTo("vip gold");
        assertThat(new Tag("Größe:XL").value()).isEqualTo("größe:xl");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "-leading", "semi;colon", "comma,tag" })
    void tagsRefuseOddCharacters(String tag) {
        assertThatThrownBy(() -> new Tag(tag)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void tagsHaveAMaximumLength() {
        assertThat(new Tag("a".repeat(50)).value()).hasSize(50);
        assertThatThrownBy(() -> new Tag("a".repeat(51))).hasMessage("must be at most 50 characters");
    }

    @Test
    void phoneNumbersMustBeE164() {
        assertThat(new PhoneNumber("+442079460958").e164()).isEqualTo("+442079460958");
        assertThatThrownBy(() -> new PhoneNumber("02079460958")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PhoneNumber("+0123456789")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PhoneNumber("+1234567890123456")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void acquisitionChannelsUseTheirWireNames() {
        assertThat(AcquisitionChannel.fromWireName("web-form")).isEqualTo(AcquisitionChannel.WEB_FORM);
        assertThat(AcquisitionChannel.REFERRAL.wireName()).isEqualTo("referral");
        assertThatThrownBy(() -> AcquisitionChannel.fromWireName("WEB_FORM"))
                .hasMessage("must be one of [phone, email, web-form, referral, import, other]");
    }

    @Test
    void externalIdsAreTrimmedAndHaveNoInnerWhitespace() {
        assertThat(new ExternalId(" 12345 ").value()).isEqualTo("12345");
        assertThatThrownBy(() -> new ExternalId("12 345")).hasMessage("must not contain whitespace");
        assertThatThrownBy(() -> new ExternalId("x".repeat(101))).hasMessage("must be at most 100 characters");
    }

    @Test
    void referralCodesAreShortTokens() {
        assertThat(new ReferralCode(" ADA-FRIENDS ").value()).isEqualTo("ADA-FRIENDS");
        assertThatThrownBy(() -> new ReferralCode("with space")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ReferralCode("x".repeat(51))).isInstanceOf(InvalidValueException.class);
    }
}
