package dev.rapport.loyalty.adapter.out.persistence.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.adapter.out.persistence.Jdbc;
import dev.rapport.loyalty.application.port.out.account.AccountRepository;
import dev.rapport.loyalty.domain.account.AccountStatus;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;

@ApplicationScoped
public class JdbcAccountRepository implements AccountRepository {

    private static final String COLUMNS = "customer_id, status, merged_into, referral_code, tier, tier_since, balance, "
            + "debt, email, phone, birthday, first_purchase_at, last_birthday_bonus_year, expiring_notice_for, "
            + "opened_at, updated_at";

    private static final String UPDATE = "update loyalty_account set status = ?, merged_into = ?, referral_code = ?, "
            + "tier = ?, tier_since = ?, balance = ?, debt = ?, email = ?, phone = ?, birthday = ?, first_purchase_at = ?, "
            + "last_birthday_bonus_year = ?, expiring_notice_for = ?, updated_at = ? where customer_id = ?";

    private final Jdbc jdbc;

    public JdbcAccountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LoyaltyAccount> find(UUID customerId) {
        return jdbc.one("select " + COLUMNS + " from loyalty_account where customer_id = ?", JdbcAccountRepository::map,
                customerId);
    }

    @Override
    public Optional<LoyaltyAccount> lock(UUID customerId) {
        return jdbc.one("select " + COLUMNS + " from loyalty_account where customer_id = ? for update",
                JdbcAccountRepository::map, customerId);
    }

    @Override
    public Map<UUID, LoyaltyAccount> lockAll(Collection<UUID> customerIds) {
        // Locks taken in id order: two transactions locking overlapping sets cannot deadlock on them.
        Map<UUID, LoyaltyAccount> locked = new LinkedHashMap<>();
        jdbc.list("select " + COLUMNS + " from loyalty_account where customer_id = any(?) order by customer_id for update",
                JdbcAccountRepository::map, (Object) customerIds.toArray(UUID[]::new))
                .forEach(a -> locked.put(a.customerId(), a));
        return locked;
    }

    @Override
    public Optional<String> tierAt(UUID customerId, Instant at) {
        return jdbc.one("select tier from tier_history where customer_id = ? and since <= ? order by since desc limit 1",
                rs -> rs.getString("tier"), customerId, at);
    }

    @Override
    public List<String> tiersAt(List<UUID> customerIds, List<Instant> instants) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        // Instants as ISO-8601 text: PostgreSQL reads the 'Z' itself, no session time zone involved.
        return jdbc.list("select (select h.tier from tier_history h where h.customer_id = q.c and h.since <= q.t::timestamptz "
                        + "order by h.since desc limit 1) as tier "
                        + "from unnest(?::uuid[], ?::text[]) with ordinality as q(c, t, i) order by q.i",
                rs -> rs.getString("tier"), customerIds.toArray(UUID[]::new),
                instants.stream().map(Instant::toString).toArray(String[]::new));
    }

    @Override
    public boolean insertIfAbsent(LoyaltyAccount a) {
        return jdbc.update("insert into loyalty_account (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (customer_id) do nothing",
                a.customerId(), status(a.status()), a.mergedInto(), a.referralCode(), a.tier(), a.tierSince(), a.balance(),
                a.debt(), a.email(), a.phone(), a.birthday(), a.firstPurchaseAt(), a.lastBirthdayBonusYear(),
                a.expiringNoticeFor(), a.openedAt(), a.updatedAt()) == 1;
    }

    @Override
    public void update(LoyaltyAccount a) {
        jdbc.update(UPDATE, updateParameters(a));
    }

    private static Object[] updateParameters(LoyaltyAccount a) {
        return new Object[] {status(a.status()), a.mergedInto(), a.referralCode(), a.tier(), a.tierSince(), a.balance(),
                a.debt(), a.email(), a.phone(), a.birthday(), a.firstPurchaseAt(), a.lastBirthdayBonusYear(),
                a.expiringNoticeFor(), a.updatedAt(), a.customerId()};
    }

    @Override
    public void updateBalances(List<LoyaltyAccount> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        // One statement for all; the tier column is not set, so the tier-history trigger does not run.
        jdbc.update("update loyalty_account a set balance = v.balance, debt = v.debt, updated_at = v.updated_at::timestamptz, "
                        + "first_purchase_at = coalesce(a.first_purchase_at, v.first_purchase_at::timestamptz) "
                        + "from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::text[], ?::text[]) "
                        + "as v(id, balance, debt, updated_at, first_purchase_at) where a.customer_id = v.id",
                accounts.stream().map(LoyaltyAccount::customerId).toArray(UUID[]::new),
                accounts.stream().map(LoyaltyAccount::balance).toArray(Long[]::new),
                accounts.stream().map(LoyaltyAccount::debt).toArray(Long[]::new),
                accounts.stream().map(a -> a.updatedAt().toString()).toArray(String[]::new),
                accounts.stream().map(a -> a.firstPurchaseAt() == null ? null : a.firstPurchaseAt().toString())
                        .toArray(String[]::new));
    }

    @Override
    public Optional<LoyaltyAccount> findByReferralCode(String code) {
        return jdbc.one("select " + COLUMNS + " from loyalty_account where referral_code = ?", JdbcAccountRepository::map,
                code);
    }

    @Override
    public List<UUID> mergedInto(UUID survivorId) {
        return jdbc.list("select customer_id from loyalty_account where merged_into = ?", rs -> Jdbc.uuid(rs, "customer_id"),
                survivorId);
    }

    @Override
    public List<UUID> withExpiryDue(Instant now, int limit) {
        return jdbc.list("select distinct customer_id from point_lot where remaining > 0 and expires_at <= ? limit ?",
                rs -> Jdbc.uuid(rs, "customer_id"), now, limit);
    }

    @Override
    public List<UUID> withExpiryBefore(Instant now, Instant until, int limit) {
        return jdbc.list("select distinct l.customer_id from point_lot l join loyalty_account a using (customer_id) "
                        + "where l.remaining > 0 and l.expires_at > ? and l.expires_at <= ? and a.status = 'active' "
                        + "and (a.expiring_notice_for is null or l.expires_at > a.expiring_notice_for) limit ?",
                rs -> Jdbc.uuid(rs, "customer_id"), now, until, limit);
    }

    @Override
    public List<UUID> withBirthdayDue(LocalDate today, int graceDays, int limit) {
        // birthday + n years: PostgreSQL turns 29 February into 28 February in other years.
        return jdbc.list("select customer_id from loyalty_account where status = 'active' and birthday is not null "
                        + "and (last_birthday_bonus_year is null or last_birthday_bonus_year < ?) "
                        + "and (birthday + make_interval(years => ? - extract(year from birthday)::int))::date "
                        + "between ?::date - ? and ?::date limit ?",
                rs -> Jdbc.uuid(rs, "customer_id"), today.getYear(), today.getYear(), today, graceDays, today, limit);
    }

    private static String status(AccountStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static LoyaltyAccount map(ResultSet rs) throws SQLException {
        return new LoyaltyAccount(Jdbc.uuid(rs, "customer_id"),
                AccountStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), Jdbc.uuid(rs, "merged_into"),
                rs.getString("referral_code"), rs.getString("tier"), Jdbc.instant(rs, "tier_since"), rs.getLong("balance"),
                rs.getLong("debt"), rs.getString("email"), rs.getString("phone"), Jdbc.date(rs, "birthday"),
                Jdbc.instant(rs, "first_purchase_at"), Jdbc.nullableInt(rs, "last_birthday_bonus_year"),
                Jdbc.instant(rs, "expiring_notice_for"), Jdbc.instant(rs, "opened_at"), Jdbc.instant(rs, "updated_at"));
    }
}
