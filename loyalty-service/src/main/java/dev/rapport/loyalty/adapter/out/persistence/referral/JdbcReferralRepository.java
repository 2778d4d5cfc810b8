package dev.rapport.loyalty.adapter.out.persistence.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.adapter.out.persistence.Jdbc;
import dev.rapport.loyalty.application.port.out.referral.ReferralRepository;
import dev.rapport.loyalty.domain.referral.Referral;
import dev.rapport.loyalty.domain.referral.ReferralStatus;
import dev.rapport.loyalty.domain.referral.RejectionReason;

@ApplicationScoped
public class JdbcReferralRepository implements ReferralRepository {

    private static final String COLUMNS = "id, referee_id, advocate_id, code, status, rejection_reason, created_at, "
            + "completed_at";

    private final Jdbc jdbc;

    public JdbcReferralRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Referral r) {
        jdbc.update("insert into referral (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.refereeId(),
                r.advocateId(), r.code(), r.status().name().toLowerCase(Locale.ROOT),
                r.rejectionReason() == null ? null : r.rejectionReason().name(), r.createdAt(), r.completedAt());
    }

    @Override
    public void update(Referral r) {
        jdbc.update("update referral set status = ?, completed_at = ? where id = ?",
                r.status().name().toLowerCase(Locale.ROOT), r.completedAt(), r.id());
    }

    @Override
    public Optional<Referral> activeForReferee(UUID refereeId) {
        return jdbc.one("select " + COLUMNS + " from referral where referee_id = ? and status in ('pending', 'completed')",
                JdbcReferralRepository::map, refereeId);
    }

    @Override
    public Set<UUID> pendingForReferees(Collection<UUID> refereeIds) {
        if (refereeIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.list("select referee_id from referral where referee_id = any(?) and status = 'pending'",
                rs -> Jdbc.uuid(rs, "referee_id"), (Object) refereeIds.toArray(UUID[]::new)));
    }

    @Override
    public long countActiveForAdvocate(UUID advocateId) {
        return jdbc.one("select count(*) from referral where advocate_id = ? and status in ('pending', 'completed')",
                rs -> rs.getLong(1), advocateId).orElse(0L);
    }

    @Override
    public Page<Referral> page(UUID customerId, PageRequest request) {
        int fetch = request.limit() + 1;
        String who = "(advocate_id = ? or referee_id = ?)";
        List<Referral> rows = request.after() == null
                ? jdbc.list("select " + COLUMNS + " from referral where " + who + " order by created_at, id limit ?",
                JdbcReferralRepository::map, customerId, customerId, fetch)
                : jdbc.list("select " + COLUMNS + " from referral where " + who + " and (created_at, id) > (?, ?) "
                + "order by created_at, id limit ?", JdbcReferralRepository::map, customerId, customerId,
                request.after().position(), request.after().id(), fetch);
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<Referral> items = rows.subList(0, request.limit());
        return new Page<>(items, new PageCursor(items.getLast().createdAt(), items.getLast().id()));
    }

    static Referral map(ResultSet rs) throws SQLException {
        String reason = rs.getString("rejection_reason");
        return new Referral(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "referee_id"), Jdbc.uuid(rs, "advocate_id"),
                rs.getString("code"), ReferralStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                reason == null ? null : RejectionReason.valueOf(reason), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "completed_at"));
    }
}
