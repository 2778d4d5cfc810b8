package dev.rapport.customer.domain.identity;

import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.rapport.kernel.FieldViolation;

/**
 * The field rules of a merge. The survivor wins: each of its fields that has a value keeps it, and
 * only its empty fields are filled from the duplicate (that includes e-mail, phone and external id,
 * which the duplicate releases). Tags are united. Preferences and attributes are united key by key;
 * on a key both have, the survivor's value stays. A merge that would exceed a limit (50 tags, 50
 * entries) is refused rather than silently dropping data.
 */
public final class CustomerMerge {

    private CustomerMerge() {
    }

    public static CustomerProfile profiles(CustomerProfile survivor, CustomerProfile duplicate) {
        TreeSet<Tag> tags = new TreeSet<>(survivor.tags());
        tags.addAll(duplicate.tags());
        SortedMap<String, String> preferences = unite(survivor.preferences(), duplicate.preferences());
        SortedMap<String, String> attributes = unite(survivor.attributes(), duplicate.attributes());

        List<FieldViolation> violations = new ArrayList<>();
        if (tags.size() > CustomerProfile.MAX_TAGS) {
            violations.add(new FieldViolation("tags", "together the two customers have " + tags.size()
                    + " tags, at most " + CustomerProfile.MAX_TAGS + " are allowed; remove some first"));
        }
        limit(violations, "preferences", preferences);
        limit(violations, "attributes", attributes);
        if (!violations.isEmpty()) {
            throw new MergeNotPossibleException("The merged customer would break a limit", violations);
        }
        return new CustomerProfile(
                either(survivor.externalId(), duplicate.externalId()),
                either(survivor.firstName(), duplicate.firstName()),
                either(survivor.lastName(), duplicate.lastName()),
                either(survivor.email(), duplicate.email()),
                either(survivor.phone(), duplicate.phone()),
                either(survivor.company(), duplicate.company()),
                either(survivor.jobTitle(), duplicate.jobTitle()),
                either(survivor.acquisitionChannel(), duplicate.acquisitionChannel()),
                preferences,
                tags,
                attributes,
                either(survivor.birthday(), duplicate.birthday()));
    }

    private static <T> T either(T survivor, T duplicate) {
        return survivor != null ? survivor : duplicate;
    }

    private static SortedMap<String, String> unite(Map<String, String> survivor, Map<String, String> duplicate) {
        TreeMap<String, String> united = new TreeMap<>(duplicate);
        united.putAll(survivor);
        return united;
    }

    private static void limit(List<FieldViolation> violations, String field, Map<String, String> entries) {
        if (entries.size() > CustomerProfile.MAX_ENTRIES) {
            violations.add(new FieldViolation(field, "together the two customers have " + entries.size()
                    + " entries, at most " + CustomerProfile.MAX_ENTRIES + " are allowed; remove some first"));
        }
    }
}
