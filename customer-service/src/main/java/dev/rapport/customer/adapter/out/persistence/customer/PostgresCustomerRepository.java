package dev.rapport.customer.adapter.out.persistence.customer;

import dev.rapport.customer.adapter.out.persistence.UniqueConstraints;
import dev.rapport.customer.adapter.out.persistence.importing.CustomerBulkJdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerMergedException;
import dev.rapport.customer.domain.customer.CustomerSearchCriteria;
import dev.rapport.customer.domain.customer.DuplicateCustomerException;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;

/** Customers in PostgreSQL through Hibernate/Panache. */
@ApplicationScoped
public class PostgresCustomerRepository implements CustomerRepository {

    @jakarta.inject.Inject
    CustomerBulkJdbc bulk;

    private static final Map<String, String> FIELD_OF_CONSTRAINT = Map.of(
            "customer_email_key", "email",
            "customer_phone_key", "phone",
            "customer_external_id_key", "externalId");

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return CustomerEntity.<CustomerEntity>findByIdOptional(id.value()).map(PostgresCustomerRepository::live);
    }

    @Override
    public Optional<Customer> findByIdForUpdate(CustomerId id) {
        return CustomerEntity.<CustomerEntity>findByIdOptional(id.value(), LockModeType.PESSIMISTIC_WRITE)
                .map(PostgresCustomerRepository::live);
    }

    @Override
    public boolean exists(CustomerId id) {
        // One query tells all three cases: no row, a live customer (itself), a tombstone (its survivor).
        Optional<UUID> liveOrSurvivor = CustomerEntity
                .find("select coalesce(c.mergedInto, c.id) from CustomerEntity c where c.id = ?1", id.value())
                .project(UUID.class)
                .firstResultOptional();
        if (liveOrSurvivor.isPresent() && !liveOrSurvivor.get().equals(id.value())) {
            throw new CustomerMergedException(id, new CustomerId(liveOrSurvivor.get()));
        }
        return liveOrSurvivor.isPresent();
    }

    /** A tombstone is no customer any more: whoever asks for it is sent to its survivor. */
    private static Customer live(CustomerEntity row) {
        if (row.mergedInto != null) {
            throw new CustomerMergedException(new CustomerId(row.id), new CustomerId(row.mergedInto));
        }
        return CustomerMapper.toDomain(row);
    }

    @Override
    public Optional<CustomerId> findIdByEmail(EmailAddress email) {
        return idWhere("email", email.value());
    }

    @Override
    public Optional<CustomerId> findIdByPhone(PhoneNumber phone) {
        return idWhere("phone", phone.e164());
    }

    @Override
    public Optional<CustomerId> findIdByExternalId(ExternalId externalId) {
        return idWhere("externalId", externalId.value());
    }

    private static Optional<CustomerId> idWhere(String field, String value) {
        return CustomerEntity.find("select c.id from CustomerEntity c where c." + field + " = ?1", value)
                .project(UUID.class)
                .firstResultOptional()
                .map(CustomerId::new);
    }

    @Override
    public void add(Customer customer) {
        CustomerEntity row = new CustomerEntity();
        CustomerMapper.copyToRow(customer, row);
        row.version = customer.version();
        flushTranslatingDuplicates(customer, () -> {
            row.persist();
            return null;
        });
    }

    @Override
    public void update(Customer customer) {
        CustomerEntity row = CustomerEntity.findById(customer.id().value());
        if (row == null || row.version != customer.version() - 1) {
            throw new IllegalStateException("customer " + customer.id() + " must be read for update before it is stored");
        }
        CustomerMapper.copyToRow(customer, row);
        flushTranslatingDuplicates(customer, () -> null);
        if (row.version != customer.version()) {
            throw new IllegalStateException("version of customer " + customer.id() + " is " + row.version
                    + " after update, expected " + customer.version());
        }
    }

    /**
     * Flushes so a unique-constraint violation surfaces here, where it can be named. The other
     * customer is looked up in a fresh transaction: this one is doomed, and the violation means the
     * other insert has committed, so it is visible there.
     */
    private void flushTranslatingDuplicates(Customer customer, Supplier<Void> write) {
        try {
            write.get();
            CustomerEntity.flush();
        } catch (PersistenceException e) {
            Optional<String> field = UniqueConstraints.violatedConstraint(e).map(FIELD_OF_CONSTRAINT::get);
            if (field.isEmpty()) {
                throw e;
            }
            CustomerId existing = QuarkusTransaction.requiringNew().call(() -> existingHolder(field.get(), customer));
            throw new DuplicateCustomerException(field.get(), existing);
        }
    }

    private static CustomerId existingHolder(String field, Customer customer) {
        var profile = customer.profile();
        Optional<CustomerId> id = switch (field) {
            case "email" -> idWhere("email", profile.email().value());
            case "phone" -> idWhere("phone", profile.phone().e164());
            default -> idWhere("externalId", profile.externalId().value());
        };
        return id.orElse(null);
    }

    @Override
    public Page<Customer> search(CustomerSearchCriteria criteria, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("c.mergedInto is null"); // tombstones are no customers
        // Erased customers stay for aggregates but are nobody's search result.
        where.add("c.erasedAt is null");
        if (criteria.text() != null) {
            where.add("c.searchText like :text escape '\\'");
            params.put("text", "%" + escapeLike(criteria.text()) + "%");
        }
        if (criteria.email() != null) {
            where.add("c.email = :email");
            params.put("email", criteria.email().value());
        }
        if (criteria.phone() != null) {
            where.add("c.phone = :phone");
            params.put("phone", criteria.phone().e164());
        }
        if (criteria.tag() != null) {
            where.add("array_contains(c.tags, :tag)");
            params.put("tag", criteria.tag().value());
        }
        if (criteria.externalId() != null) {
            where.add("c.externalId = :externalId");
            params.put("externalId", criteria.externalId().value());
        }
        if (criteria.createdAfter() != null) {
            where.add("c.createdAt > :createdAfter");
            params.put("createdAfter", criteria.createdAfter());
        }
        if (page.after() != null) {
            where.add("(c.createdAt > :afterTime or (c.createdAt = :afterTime and c.id > :afterId))");
            params.put("afterTime", page.after().position());
            params.put("afterId", page.after().id());
        }
        String query = "from CustomerEntity c where " + String.join(" and ", where)
                + " order by c.createdAt, c.id";
        // range() is inclusive: limit + 1 rows, the extra one tells whether another page follows.
        List<CustomerEntity> rows = CustomerEntity.<CustomerEntity>find(query, params)
                .range(0, page.limit())
                .list();
        boolean more = rows.size() > page.limit();
        List<CustomerEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        PageCursor next = null;
        if (more) {
            CustomerEntity last = pageRows.getLast();
            next = new PageCursor(last.createdAt, last.id);
        }
        return new Page<>(pageRows.stream().map(CustomerMapper::toDomain).toList(), next);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public Map<ExternalId, CustomerId> findIdsByExternalIds(Collection<ExternalId> externalIds) {
        Map<ExternalId, CustomerId> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        List<String> values = externalIds.stream().map(ExternalId::value).distinct().toList();
        // Rows the session holds but has not written yet must be visible to the JDBC lookup.
        CustomerEntity.flush();
        bulk.idsByExternalIds(values).forEach((externalId, id) -> found.put(new ExternalId(externalId), new CustomerId(id)));
        return found;
    }
}
