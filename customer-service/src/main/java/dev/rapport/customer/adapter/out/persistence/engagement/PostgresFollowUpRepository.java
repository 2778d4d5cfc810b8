package dev.rapport.customer.adapter.out.persistence.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.panache.common.Parameters;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.engagement.FollowUpRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.customer.domain.engagement.FollowUpCriteria;
import dev.rapport.customer.domain.engagement.FollowUpId;
import dev.rapport.customer.domain.engagement.FollowUpStatus;
import dev.rapport.customer.domain.engagement.InteractionId;
import dev.rapport.kernel.WireNames;

/** Follow-ups in PostgreSQL. */
@ApplicationScoped
public class PostgresFollowUpRepository implements FollowUpRepository {

    @Override
    public void add(FollowUp followUp) {
        FollowUpEntity row = new FollowUpEntity();
        row.id = followUp.id().value();
        row.customerId = followUp.customerId().value();
        row.title = followUp.title();
        row.dueAt = followUp.dueAt();
        row.owner = followUp.owner();
        row.note = followUp.note();
        row.interactionId = followUp.interactionId() == null ? null : followUp.interactionId().value();
        row.status = WireNames.of(followUp.status());
        row.createdAt = followUp.createdAt();
        row.closedAt = followUp.closedAt();
        row.persist();
    }

    @Override
    public Optional<FollowUp> findById(FollowUpId id) {
        return FollowUpEntity.<FollowUpEntity>findByIdOptional(id.value()).map(PostgresFollowUpRepository::toDomain);
    }

    @Override
    public Optional<FollowUp> findByIdForUpdate(FollowUpId id) {
        return FollowUpEntity.<FollowUpEntity>findByIdOptional(id.value(), LockModeType.PESSIMISTIC_WRITE)
                .map(PostgresFollowUpRepository::toDomain);
    }

    @Override
    public void updateStatus(FollowUp followUp) {
        FollowUpEntity row = FollowUpEntity.findById(followUp.id().value());
        if (row == null) {
            throw new IllegalStateException("follow-up " + followUp.id() + " is not stored");
        }
        row.status = WireNames.of(followUp.status());
        row.closedAt = followUp.closedAt();
    }

    @Override
    public Page<FollowUp> search(FollowUpCriteria criteria, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (criteria.customerId() != null) {
            where.add("customerId = :customerId");
            params.and("customerId", criteria.customerId().value());
        }
        if (criteria.owner() != null) {
            where.add("owner = :owner");
            params.and("owner", criteria.owner());
        }
        if (criteria.status() != null) {
            where.add("status = :status");
            params.and("status", WireNames.of(criteria.status()));
        }
        if (criteria.due() != null && criteria.due().from() != null) {
            where.add("dueAt >= :dueFrom");
            params.and("dueFrom", criteria.due().from());
        }
        if (criteria.due() != null && criteria.due().until() != null) {
            where.add("dueAt < :dueUntil");
            params.and("dueUntil", criteria.due().until());
        }
        if (page.after() != null) {
            where.add("(dueAt > :afterTime or (dueAt = :afterTime and id > :afterId))");
            params.and("afterTime", page.after().position()).and("afterId", page.after().id());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by dueAt, id";
        // range() is inclusive: limit + 1 rows, the extra one tells whether another page follows.
        List<FollowUpEntity> rows = FollowUpEntity.<FollowUpEntity>find(query.strip(), params)
                .range(0, page.limit())
                .list();
        boolean more = rows.size() > page.limit();
        List<FollowUpEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        PageCursor next = more ? new PageCursor(pageRows.getLast().dueAt, pageRows.getLast().id) : null;
        return new Page<>(pageRows.stream().map(PostgresFollowUpRepository::toDomain).toList(), next);
    }

    private static FollowUp toDomain(FollowUpEntity row) {
        return FollowUp.restore(new FollowUpId(row.id), new CustomerId(row.customerId), row.title, row.dueAt,
                row.owner, row.note, row.interactionId == null ? null : new InteractionId(row.interactionId),
                row.createdAt, WireNames.parse(FollowUpStatus.class, row.status), row.closedAt);
    }
}
