package dev.rapport.loyalty.adapter.out.persistence.reward;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.adapter.out.persistence.Jdbc;
import dev.rapport.loyalty.application.port.out.reward.RewardRepository;
import dev.rapport.loyalty.domain.reward.Reward;

@ApplicationScoped
public class JdbcRewardRepository implements RewardRepository {

    private static final String COLUMNS = "id, name, description, points_cost, stock, valid_from, valid_until, "
            + "minimum_tier, created_at, updated_at";

    private final Jdbc jdbc;

    public JdbcRewardRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Reward r) {
        jdbc.update("insert into reward (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.name(),
                r.description(), r.pointsCost(), r.stock(), r.validFrom(), r.validUntil(), r.minimumTier(), r.createdAt(),
                r.updatedAt());
    }

    @Override
    public boolean update(Reward r) {
        return jdbc.update("update reward set name = ?, description = ?, points_cost = ?, stock = ?, valid_from = ?, "
                        + "valid_until = ?, minimum_tier = ?, updated_at = ? where id = ? and active", r.name(),
                r.description(), r.pointsCost(), r.stock(), r.validFrom(), r.validUntil(), r.minimumTier(), r.updatedAt(),
                r.id()) == 1;
    }

    @Override
    public Optional<Reward> find(UUID id) {
        return jdbc.one("select " + COLUMNS + " from reward where id = ? and active", JdbcRewardRepository::map, id);
    }

    @Override
    public Page<Reward> page(PageRequest request) {
        int fetch = request.limit() + 1;
        List<Reward> rows = request.after() == null
                ? jdbc.list("select " + COLUMNS + " from reward where active order by created_at, id limit ?",
                JdbcRewardRepository::map, fetch)
                : jdbc.list("select " + COLUMNS + " from reward where active and (created_at, id) > (?, ?) "
                + "order by created_at, id limit ?", JdbcRewardRepository::map, request.after().position(),
                request.after().id(), fetch);
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<Reward> items = rows.subList(0, request.limit());
        return new Page<>(items, new PageCursor(items.getLast().createdAt(), items.getLast().id()));
    }

    @Override
    public boolean delete(UUID id) {
        return jdbc.update("update reward set active = false where id = ? and active", id) == 1;
    }

    @Override
    public Taken takeOne(UUID id) {
        // One statement: concurrent redemptions queue on the row and the check sees the committed stock.
        Optional<Long> remaining = jdbc.one("update reward set stock = stock - 1 where id = ? and active and stock > 0 "
                + "returning stock", rs -> rs.getLong(1), id);
        if (remaining.isPresent()) {
            return new Taken(true, remaining.get());
        }
        boolean unlimited = jdbc.one("select 1 from reward where id = ? and active and stock is null", rs -> true, id)
                .isPresent();
        return new Taken(unlimited, unlimited ? null : 0L);
    }

    static Reward map(ResultSet rs) throws SQLException {
        return new Reward(Jdbc.uuid(rs, "id"), rs.getString("name"), rs.getString("description"), rs.getLong("points_cost"),
                Jdbc.nullableLong(rs, "stock"), Jdbc.instant(rs, "valid_from"), Jdbc.instant(rs, "valid_until"),
                rs.getString("minimum_tier"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
