package dev.rapport.loyalty.adapter.out.persistence.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.adapter.out.persistence.Jdbc;
import dev.rapport.loyalty.application.port.out.account.TierEvaluations;

@ApplicationScoped
public class JdbcTierEvaluations implements TierEvaluations {

    private final Jdbc jdbc;

    public JdbcTierEvaluations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(UUID customerId, LocalDate anniversary, Kind kind, Instant now) {
        return jdbc.update("insert into tier_evaluation (customer_id, anniversary, kind, done_at) values (?, ?, ?, ?) "
                + "on conflict do nothing", customerId, anniversary, kind.name().toLowerCase(Locale.ROOT), now) == 1;
    }

    @Override
    public List<UUID> due(LocalDate from, LocalDate to, Kind kind, int limit) {
        // The opening date moved into the years of [from, to] (PostgreSQL turns 29 February into 28 February).
        return jdbc.list("select a.customer_id from loyalty_account a "
                        + "cross join lateral (select (a.opened_at at time zone 'UTC')::date + make_interval(years => y - "
                        + "extract(year from a.opened_at at time zone 'UTC')::int) as anniversary "
                        + "from generate_series(extract(year from ?::date)::int, extract(year from ?::date)::int) as y) d "
                        + "where a.status = 'active' and d.anniversary::date between ? and ? "
                        + "and extract(year from d.anniversary) > extract(year from a.opened_at at time zone 'UTC') "
                        + "and not exists (select 1 from tier_evaluation e where e.customer_id = a.customer_id "
                        + "and e.anniversary = d.anniversary::date and e.kind = ?) limit ?",
                rs -> Jdbc.uuid(rs, "customer_id"), from, to, from, to, kind.name().toLowerCase(Locale.ROOT), limit);
    }
}
