package dev.rapport.loyalty.domain.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member's loyalty account, keyed by the customer id. {@code balance} is the sum of the ledger;
 * {@code debt} is what a reversal could not take back (the balance is then negative by at least that)
 * and is repaid by the next credits. Email, phone and birthday are the only personal data held:
 * for the self-referral check and the birthday bonus.
 */
public record LoyaltyAccount(
        UUID customerId,
        AccountStatus status,
        UUID mergedInto,
        String referralCode,
        String tier,
        Instant tierSince,
        long balance,
        long debt,
        String email,
        String phone,
        LocalDate birthday,
        Instant firstPurchaseAt,
        Integer lastBirthdayBonusYear,
        Instant expiringNoticeFor,
        Instant openedAt,
        Instant updatedAt) {

    public static LoyaltyAccount open(UUID customerId, String tier, Instant now) {
        return new LoyaltyAccount(customerId, AccountStatus.ACTIVE, null, ReferralCodes.generate(), tier, now, 0, 0,
                null, null, null, null, null, null, now, now);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public LoyaltyAccount withBalance(long newBalance, long newDebt, Instant now) {
        return new LoyaltyAccount(customerId, status, mergedInto, referralCode, tier, tierSince, newBalance, newDebt, email,
                phone, birthday, firstPurchaseAt, lastBirthdayBonusYear, expiringNoticeFor, openedAt, now);
    }

    public LoyaltyAccount withTier(String newTier, Instant now) {
        return new LoyaltyAccount(customerId, status, mergedInto, referralCode, newTier, now, balance, debt, email, phone,
                birthday, firstPurchaseAt, lastBirthdayBonusYear, expiringNoticeFor, openedAt, now);
    }

    public LoyaltyAccount withContact(String newEmail, String newPhone, LocalDate newBirthday, Instant now) {
        return new LoyaltyAccount(customerId, status, mergedInto, referralCode, tier, tierSince, balance, debt, newEmail,
                newPhone, newBirthday, firstPurchaseAt, lastBirthdayBonusYear, expiringNoticeFor, openedAt, now);
    }

    public LoyaltyAccount withFirstPurchase(Instant at, Instant now) {
        return new LoyaltyAccount(customerId, status, mergedInto, referralCode, tier, tierSince, balance, debt, email, phone,
                birthday, at, lastBirthdayBonusYear, expiringNoticeFor, openedAt, now);
    }

    public LoyaltyAccount withBirthdayBonus(int year, Instant now) {
        return new LoyaltyAccount(customerId, status, mergedInto, referralCode, tier, tierSince, balance, debt, email, phone,
                birthday, firstPurchaseAt, year, expiringNoticeFor, openedAt, now);
    }

    public LoyaltyAccount withExpiringNotice(Instant expiresAt, Instant now) {
        return new LoyaltyAccount(customerId, status, mergedInto, referralCode, tier, tierSince, balance, debt, email, phone,
                birthday, firstPurchaseAt, lastBirthdayBonusYear, expiresAt, openedAt, now);
    }

    /**
     * Personal data removed; the ledger (numbers only) stays for the books. The referral code is random,
     * not personal: it stays so that it answers code-expired rather than looking unknown.
     */
    public LoyaltyAccount erased(Instant now) {
        return new LoyaltyAccount(customerId, AccountStatus.ERASED, mergedInto, referralCode, tier, tierSince, balance, debt, null,
                null, null, firstPurchaseAt, lastBirthdayBonusYear, expiringNoticeFor, openedAt, now);
    }

    public LoyaltyAccount mergedInto(UUID survivor, Instant now) {
        return new LoyaltyAccount(customerId, AccountStatus.MERGED, survivor, referralCode, tier, tierSince, 0, 0, null, null, null,
                firstPurchaseAt, lastBirthdayBonusYear, expiringNoticeFor, openedAt, now);
    }
}
