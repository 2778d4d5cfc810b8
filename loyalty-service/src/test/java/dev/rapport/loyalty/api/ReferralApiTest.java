package dev.rapport.loyalty.api;

import static dev.rapport.loyalty.api.Members.account;
import static dev.rapport.loyalty.api.Members.awaitAccount;
import static dev.rapport.loyalty.api.Members.earnAvailable;
import static dev.rapport.loyalty.api.Members.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.rapport.events.Topics;
import dev.rapport.events.loyalty.ReferralCompleted;
import dev.rapport.events.loyalty.ReferralRejected;
import dev.rapport.testing.EventTopic;

@QuarkusTest
class ReferralApiTest {

    static JsonPath referrals(UUID id) {
        return given().when().get("/loyalty/accounts/{id}/referrals", id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitReferrals(UUID id, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> referrals(id).getList("items").size() >= count);
        return referrals(id);
    }

    static String email() {
        return "m" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void aReferredCustomersFirstPurchaseRewardsBoth() {
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            UUID advocate = Members.register(UUID.randomUUID(), email(), null, null, null);
            String code = account(advocate).getString("referralCode");
            String typed = " " + code.substring(0, 4).toLowerCase() + "-" + code.substring(4) + " ";
            UUID referee = Members.register(UUID.randomUUID(), email(), null, null, typed);
            JsonPath pending = awaitReferrals(referee, 1);
            assertThat(pending.getString("items[0].status")).isEqualTo("pending");
            assertThat(pending.getString("items[0].role")).isEqualTo("referee");
            assertThat(pending.getString("items[0].advocateId")).isEqualTo(advocate.toString());
            assertThat(referrals(advocate).getString("items[0].role")).isEqualTo("advocate");

            earnAvailable(referee, "10.00");
            awaitAccount(referee, json -> json.getLong("balance") == 10 + 250);
            assertThat(account(advocate).getLong("balance")).isEqualTo(500);
            assertThat(account(advocate).getLong("balances.available")).isEqualTo(500);
            assertThat(referrals(referee).getString("items[0].status")).isEqualTo("completed");
            // No rejection: left out, since null is not one of the reasons the schema's enum lists.
            assertThat(referrals(referee).getMap("items[0]")).doesNotContainKey("rejectionReason");
            ReferralCompleted completed = topic.awaitType(referee.toString(), ReferralCompleted.TYPE)
                    .dataAs(ReferralCompleted.class);
            assertThat(completed.advocateId()).isEqualTo(advocate);
            assertThat(completed.advocateBonus()).isEqualTo(500);
            assertThat(completed.refereeBonus()).isEqualTo(250);
            // A second purchase gives no more bonus.
            earnAvailable(referee, "10.00");
            assertThat(account(referee).getLong("balance")).isEqualTo(270);
            assertThat(account(advocate).getLong("balance")).isEqualTo(500);
            assertThat(Members.ledger(advocate).getList("items.type")).containsExactly("referral-bonus");
        }
    }

    @Test
    void rejectionsAreTypedStoredAndPublished() {
        try (EventTopic topic = EventTopic.subscribe(Topics.LOYALTY_EVENTS)) {
            String sharedEmail = email();
            UUID advocate = Members.register(UUID.randomUUID(), sharedEmail, "+1 415 555 0100", null, null);
            String code = account(advocate).getString("referralCode");

            UUID unknown = Members.register(UUID.randomUUID(), email(), null, null, "ZZZZZZZZZZZZ");
            assertThat(awaitReferrals(unknown, 1).getString("items[0].rejectionReason")).isEqualTo("unknown-code");
            assertThat(topic.awaitType(unknown.toString(), ReferralRejected.TYPE).dataAs(ReferralRejected.class).reason())
                    .isEqualTo("unknown-code");

            UUID sameEmail = Members.register(UUID.randomUUID(), sharedEmail.toUpperCase(), null, null, code);
            assertThat(awaitReferrals(sameEmail, 1).getString("items[0].rejectionReason")).isEqualTo("self-referral");
            UUID samePhone = Members.register(UUID.randomUUID(), email(), "+14155550100", null, code);
            assertThat(awaitReferrals(samePhone, 1).getString("items[0].rejectionReason")).isEqualTo("self-referral");

            UUID referee = Members.register(UUID.randomUUID(), email(), null, null, code);
            assertThat(awaitReferrals(referee, 1).getString("items[0].status")).isEqualTo("pending");
            UUID otherAdvocate = register();
            String otherCode = account(otherAdvocate).getString("referralCode");
            // The referee registers again (e.g. a replayed import) with another code: already referred.
            Members.register(referee, email(), null, null, otherCode);
            JsonPath both = awaitReferrals(referee, 2);
            assertThat(both.getList("items.rejectionReason")).contains("already-referred");

            UUID erasedAdvocate = register();
            String erasedCode = account(erasedAdvocate).getString("referralCode");
            Members.erased(erasedAdvocate, UUID.randomUUID());
            awaitAccount(erasedAdvocate, json -> "erased".equals(json.getString("status")));
            UUID late = Members.register(UUID.randomUUID(), email(), null, null, erasedCode);
            assertThat(awaitReferrals(late, 1).getString("items[0].rejectionReason")).isEqualTo("code-expired");
            given().when().get("/loyalty/accounts/{id}/referrals", UUID.randomUUID()).then().statusCode(404);
        }
    }
}
