package dev.rapport.customer.adapter.out.persistence.identity;

import dev.rapport.customer.adapter.out.persistence.customer.CustomerEntity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import dev.rapport.customer.domain.customer.CustomerSummary;
import dev.rapport.customer.application.port.out.identity.DuplicateFinder;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.identity.DuplicateReason;

/**
 * One SQL query, each arm served by an expression index of V20 (PostgreSQL ORs the three bitmap
 * scans). The expressions here must stay character for character those of the indexes. Rows are
 * read as plain values, not mapped to the aggregate, because legacy rows may not pass today's rules.
 */
@ApplicationScoped
public class PostgresDuplicateFinder implements DuplicateFinder {

    static final String SAME_EMAIL = "lower(btrim(email)) = :email";
    static final String SAME_PHONE = "regexp_replace(phone, '[^0-9]', '', 'g') = :phoneDigits";
    static final String SAME_NAME_AND_COMPANY = "(lower(btrim(first_name)), lower(btrim(last_name)), "
            + "lower(btrim(company))) = (:firstName, :lastName, :company)";

    @Override
    public List<Match> findLikelyDuplicates(Customer customer, int limit) {
        CustomerProfile p = customer.profile();
        // Only the arms this customer has values for: a parameter is never null, and each arm that
        // is present can use its index.
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> arms = new ArrayList<>();
        if (p.email() != null) {
            arms.add(SAME_EMAIL);
            params.put("email", p.email().value());
        }
        if (p.phone() != null) {
            arms.add(SAME_PHONE);
            params.put("phoneDigits", p.phone().e164().substring(1));
        }
        if (p.firstName() != null && p.lastName() != null && p.company() != null) {
            arms.add(SAME_NAME_AND_COMPANY);
            params.put("firstName", lower(p.firstName()));
            params.put("lastName", lower(p.lastName()));
            params.put("company", lower(p.company()));
        }
        if (arms.isEmpty()) {
            return List.of();
        }
        Query query = CustomerEntity.getEntityManager().createNativeQuery(sql(arms))
                .setParameter("id", customer.id().value())
                .setParameter("limit", limit);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(PostgresDuplicateFinder::match).toList();
    }

    /** Package-private so a test can check PostgreSQL's plan uses the indexes for every arm. */
    static String sql(List<String> arms) {
        return "select id, external_id, first_name, last_name, email, phone, company, created_at, "
                + flag(arms, SAME_EMAIL) + ", " + flag(arms, SAME_PHONE) + ", " + flag(arms, SAME_NAME_AND_COMPANY)
                + " from customer where merged_into is null and id <> :id and (" + String.join(" or ", arms) + ")"
                // Strongest evidence first (weights: e-mail > phone > name), so the limit cuts the weakest.
                + " order by 9 desc, 10 desc, 11 desc, created_at, id limit :limit";
    }

    /** The arm as a boolean column (null-safe), or false when the arm is not asked. */
    private static String flag(List<String> arms, String arm) {
        return arms.contains(arm) ? "coalesce(" + arm + ", false)" : "false";
    }

    private static Match match(Object[] row) {
        CustomerSummary summary = new CustomerSummary((UUID) row[0], (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], (String) row[6], instant(row[7]));
        EnumSet<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);
        if ((Boolean) row[8]) {
            reasons.add(DuplicateReason.EMAIL);
        }
        if ((Boolean) row[9]) {
            reasons.add(DuplicateReason.PHONE);
        }
        if ((Boolean) row[10]) {
            reasons.add(DuplicateReason.NAME_AND_COMPANY);
        }
        return new Match(summary, reasons);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }

    /** Like SQL lower(btrim()) for what the domain stores (already trimmed). */
    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
