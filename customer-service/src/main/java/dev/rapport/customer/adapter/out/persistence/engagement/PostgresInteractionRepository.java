package dev.rapport.customer.adapter.out.persistence.engagement;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.engagement.InteractionRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.engagement.IdempotencyKey;
import dev.rapport.customer.domain.engagement.Interaction;
import dev.rapport.customer.domain.engagement.InteractionChannel;
import dev.rapport.customer.domain.engagement.InteractionDirection;
import dev.rapport.customer.domain.engagement.InteractionId;
import dev.rapport.kernel.WireNames;

/** Interactions in PostgreSQL; rows are only ever inserted. */
@ApplicationScoped
public class PostgresInteractionRepository implements InteractionRepository {

    @Override
    public void add(Interaction interaction) {
        InteractionEntity row = new InteractionEntity();
        row.id = interaction.id().value();
        row.customerId = interaction.customerId().value();
        row.channel = WireNames.of(interaction.channel());
        row.direction = WireNames.of(interaction.direction());
        row.summary = interaction.summary();
        row.occurredAt = interaction.occurredAt();
        row.agent = interaction.agent();
        row.idempotencyKey = interaction.idempotencyKey() == null ? null : interaction.idempotencyKey().value();
        row.recordedAt = interaction.recordedAt();
        row.persist();
    }

    @Override
    public Optional<Interaction> findById(InteractionId id) {
        return InteractionEntity.<InteractionEntity>findByIdOptional(id.value()).map(PostgresInteractionRepository::toDomain);
    }

    @Override
    public Optional<Interaction> findByIdempotencyKey(CustomerId customerId, IdempotencyKey key) {
        return InteractionEntity.<InteractionEntity>find("customerId = ?1 and idempotencyKey = ?2",
                        customerId.value(), key.value())
                .firstResultOptional()
                .map(PostgresInteractionRepository::toDomain);
    }

    @Override
    public Page<Interaction> listByCustomer(CustomerId customerId, PageRequest page) {
        Parameters params = Parameters.with("customerId", customerId.value());
        String query = "customerId = :customerId";
        if (page.after() != null) {
            query += " and (occurredAt < :afterTime or (occurredAt = :afterTime and id < :afterId))";
            params.and("afterTime", page.after().position()).and("afterId", page.after().id());
        }
        // range() is inclusive: limit + 1 rows, the extra one tells whether another page follows.
        List<InteractionEntity> rows = InteractionEntity.<InteractionEntity>find(
                        query + " order by occurredAt desc, id desc", params)
                .range(0, page.limit())
                .list();
        boolean more = rows.size() > page.limit();
        List<InteractionEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        PageCursor next = more ? new PageCursor(pageRows.getLast().occurredAt, pageRows.getLast().id) : null;
        return new Page<>(pageRows.stream().map(PostgresInteractionRepository::toDomain).toList(), next);
    }

    private static Interaction toDomain(InteractionEntity row) {
        return new Interaction(new InteractionId(row.id), new CustomerId(row.customerId),
                WireNames.parse(InteractionChannel.class, row.channel),
                WireNames.parse(InteractionDirection.class, row.direction), row.summary, row.occurredAt, row.agent,
                row.idempotencyKey == null ? null : new IdempotencyKey(row.idempotencyKey), row.recordedAt);
    }
}
