package dev.rapport.customer.adapter.out.persistence.engagement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;

import dev.rapport.customer.domain.customer.CustomerId;

/**
 * Shared reading of the engagement tables for export: rows as ordered maps named by their SQL
 * aliases, so the export shows exactly the stored columns without a second set of records.
 */
public final class EngagementDataSections {

    private EngagementDataSections() {
    }

    public static List<Map<String, Object>> rows(EntityManager entityManager, String sql, CustomerId id) {
        @SuppressWarnings("unchecked")
        List<Tuple> tuples = entityManager.createNativeQuery(sql, Tuple.class).setParameter(1, id.value()).getResultList();
        return tuples.stream().map(EngagementDataSections::toMap).toList();
    }

    private static Map<String, Object> toMap(Tuple tuple) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (TupleElement<?> element : tuple.getElements()) {
            row.put(element.getAlias(), tuple.get(element));
        }
        return row;
    }
}
