package dev.rapport.customer.domain.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.Texts;
import dev.rapport.kernel.Violations;

/**
 * Everything about a customer that a client may set. Immutable; a change is a new profile, so the
 * changed fields are simply the components that differ. Field names are the JSON names clients use.
 * A customer needs at least one way to find them again: an e-mail, a phone number or an external id
 * (an imported record may have nothing else).
 */
public record CustomerProfile(
        ExternalId externalId,
        String firstName,
        String lastName,
        EmailAddress email,
        PhoneNumber phone,
        String company,
        String jobTitle,
        AcquisitionChannel acquisitionChannel,
        SortedMap<String, String> preferences,
        SortedSet<Tag> tags,
        SortedMap<String, String> attributes,
        LocalDate birthday) {

    public static final int NAME_MAX = 100;
    public static final int COMPANY_MAX = 200;
    public static final int JOB_TITLE_MAX = 100;
    public static final int MAX_TAGS = 50;
    public static final int MAX_ENTRIES = 50;
    public static final int KEY_MAX = 64;
    public static final int PREFERENCE_VALUE_MAX = 200;
    public static final int ATTRIBUTE_VALUE_MAX = 1000;
    public static final LocalDate EARLIEST_BIRTHDAY = LocalDate.of(1900, 1, 1);
    /** What an erased customer's names are replaced with (GDPR erasure keeps the record for aggregates). */
    public static final String ERASED = "erased";
    static final String IDENTIFIER_REQUIRED = "at least one of email, phone or externalId is required";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (KEY_MAX - 1) + "}");

    public CustomerProfile {
        firstName = name(firstName);
        lastName = name(lastName);
        company = Texts.optional(company, COMPANY_MAX);
        jobTitle = Texts.optional(jobTitle, JOB_TITLE_MAX);
        preferences = entries(preferences, PREFERENCE_VALUE_MAX);
        attributes = entries(attributes, ATTRIBUTE_VALUE_MAX);
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags == null ? List.of() : tags));
        if (tags.size() > MAX_TAGS) {
            throw new InvalidValueException("must have at most " + MAX_TAGS + " tags");
        }
        if (birthday != null && birthday.isBefore(EARLIEST_BIRTHDAY)) {
            throw new InvalidValueException("must not be before " + EARLIEST_BIRTHDAY);
        }
        // The one profile without an identifier is the erased one: there is nobody left to find.
        if (email == null && phone == null && externalId == null
                && !isErasedForm(firstName, lastName, jobTitle, preferences, tags, attributes, birthday)) {
            throw InvalidInputException.of("email", IDENTIFIER_REQUIRED);
        }
    }

    /**
     * This profile with every personal field scrubbed (GDPR erasure): names become {@value #ERASED};
     * e-mail, phone, externalId (a partner's key for the person is pseudonymous personal data, and
     * releasing it lets the person be registered again), jobTitle, birthday and the free-text
     * preferences, attributes and tags are removed. {@code company} and {@code acquisitionChannel}
     * describe the business relationship, not the person, and stay for aggregates.
     */
    public CustomerProfile erased() {
        return new CustomerProfile(null, ERASED, ERASED, null, null, company, null, acquisitionChannel,
                null, null, null, null);
    }

    /** Whether this is the scrubbed profile of an erased customer. */
    public boolean isErased() {
        return email == null && phone == null && externalId == null
                && isErasedForm(firstName, lastName, jobTitle, preferences, tags, attributes, birthday);
    }

    private static boolean isErasedForm(String firstName, String lastName, String jobTitle, Map<String, String> preferences,
                                        Collection<Tag> tags, Map<String, String> attributes, LocalDate birthday) {
        return ERASED.equals(firstName) && ERASED.equals(lastName) && jobTitle == null && preferences.isEmpty()
                && tags.isEmpty() && attributes.isEmpty() && birthday == null;
    }

    /** Starts an empty profile; {@code today} bounds the birthday. */
    public static Builder builder(LocalDate today) {
        return new Builder(null, today);
    }

    /** Starts from this profile, e.g. to apply a partial update. */
    public Builder toBuilder(LocalDate today) {
        return new Builder(this, today);
    }

    /** JSON names of the fields whose values differ from {@code before}, in declaration order. */
    public List<String> changedFieldsSince(CustomerProfile before) {
        List<String> changed = new ArrayList<>();
        compare(changed, "externalId", before.externalId, externalId);
        compare(changed, "firstName", before.firstName, firstName);
        compare(changed, "lastName", before.lastName, lastName);
        compare(changed, "email", before.email, email);
        compare(changed, "phone", before.phone, phone);
        compare(changed, "company", before.company, company);
        compare(changed, "jobTitle", before.jobTitle, jobTitle);
        compare(changed, "acquisitionChannel", before.acquisitionChannel, acquisitionChannel);
        compare(changed, "preferences", before.preferences, preferences);
        compare(changed, "tags", before.tags, tags);
        compare(changed, "attributes", before.attributes, attributes);
        compare(changed, "birthday", before.birthday, birthday);
        return List.copyOf(changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static String name(String raw) {
        return Texts.optional(raw, NAME_MAX);
    }

    private static SortedMap<String, String> entries(Map<String, String> raw, int maxValueLength) {
        if (raw == null || raw.isEmpty()) {
            return Collections.emptySortedMap();
        }
        if (raw.size() > MAX_ENTRIES) {
            throw new InvalidValueException("must have at most " + MAX_ENTRIES + " entries");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        Violations violations = new Violations();
        raw.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                violations.add(String.valueOf(key), "key must be 1 to " + KEY_MAX
                        + " letters, digits, _ . or -, starting with a letter or digit");
                return;
            }
            String text = violations.check(key, () -> {
                if (value == null) {
                    throw new InvalidValueException("must be a string (remove an entry with PATCH and null)");
                }
                String checked = Texts.optional(value, maxValueLength);
                return checked == null ? "" : checked;
            });
            if (text != null) {
                copy.put(key, text);
            }
        });
        violations.throwIfAny();
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Builds a profile from raw input, collecting every invalid field before failing. Blank text
     * means "no value". Each setter replaces the field; {@code null} clears it.
     */
    public static final class Builder {

        private final LocalDate today;
        private final Violations violations = new Violations();
        private ExternalId externalId;
        private String firstName;
        private String lastName;
        private EmailAddress email;
        private PhoneNumber phone;
        private String company;
        private String jobTitle;
        private AcquisitionChannel acquisitionChannel;
        private SortedMap<String, String> preferences = Collections.emptySortedMap();
        private SortedSet<Tag> tags = Collections.emptySortedSet();
        private SortedMap<String, String> attributes = Collections.emptySortedMap();
        private LocalDate birthday;

        private Builder(CustomerProfile base, LocalDate today) {
            this.today = Objects.requireNonNull(today, "today");
            if (base != null) {
                externalId = base.externalId;
                firstName = base.firstName;
                lastName = base.lastName;
                email = base.email;
                phone = base.phone;
                company = base.company;
                jobTitle = base.jobTitle;
                acquisitionChannel = base.acquisitionChannel;
                preferences = base.preferences;
                tags = base.tags;
                attributes = base.attributes;
                birthday = base.birthday;
            }
        }

        public Builder externalId(String raw) {
            externalId = violations.optional("externalId", blankToNull(raw), ExternalId::new);
            return this;
        }

        public Builder firstName(String raw) {
            firstName = violations.check("firstName", () -> name(raw));
            return this;
        }

        public Builder lastName(String raw) {
            lastName = violations.check("lastName", () -> name(raw));
            return this;
        }

        public Builder email(String raw) {
            email = violations.optional("email", blankToNull(raw), EmailAddress::new);
            return this;
        }

        /** {@code normaliser} turns what people type into E.164 (needs numbering-plan data the domain lacks). */
        public Builder phone(String raw, Function<String, PhoneNumber> normaliser) {
            phone = violations.optional("phone", blankToNull(raw), normaliser);
            return this;
        }

        public Builder company(String raw) {
            company = violations.check("company", () -> Texts.optional(raw, COMPANY_MAX));
            return this;
        }

        public Builder jobTitle(String raw) {
            jobTitle = violations.check("jobTitle", () -> Texts.optional(raw, JOB_TITLE_MAX));
            return this;
        }

        public Builder acquisitionChannel(String raw) {
            acquisitionChannel = violations.optional("acquisitionChannel", raw, AcquisitionChannel::fromWireName);
            return this;
        }

        public Builder preferences(Map<String, String> raw) {
            preferences = violations.check("preferences", () -> entries(raw, PREFERENCE_VALUE_MAX));
            return this;
        }

        public Builder attributes(Map<String, String> raw) {
            attributes = violations.check("attributes", () -> entries(raw, ATTRIBUTE_VALUE_MAX));
            return this;
        }

        /** Duplicates after normalisation ("VIP", "vip ") collapse into one tag. */
        public Builder tags(Collection<String> raw) {
            TreeSet<Tag> parsed = new TreeSet<>();
            if (raw != null) {
                int index = 0;
                for (String tag : raw) {
                    Tag valid = violations.check("tags[" + index++ + "]", () -> new Tag(tag));
                    if (valid != null) {
                        parsed.add(valid);
                    }
                }
            }
            if (parsed.size() > MAX_TAGS) {
                violations.add("tags", "must have at most " + MAX_TAGS + " tags");
            }
            tags = parsed;
            return this;
        }

        public Builder birthday(LocalDate raw) {
            birthday = violations.check("birthday", () -> {
                if (raw != null && raw.isAfter(today)) {
                    throw new InvalidValueException("must not be in the future");
                }
                if (raw != null && raw.isBefore(EARLIEST_BIRTHDAY)) {
                    throw new InvalidValueException("must not be before " + EARLIEST_BIRTHDAY);
                }
                return raw;
            });
            return this;
        }

        /** Records a violation found outside the builder (e.g. an unknown field) so all are reported together. */
        public Builder reject(String field, String message) {
            violations.add(field, message);
            return this;
        }

        public CustomerProfile build() {
            if (violations.isEmpty() && email == null && phone == null && externalId == null) {
                violations.add("email", IDENTIFIER_REQUIRED);
            }
            violations.throwIfAny();
            return new CustomerProfile(externalId, firstName, lastName, email, phone, company, jobTitle,
                    acquisitionChannel, preferences, tags, attributes, birthday);
        }

        private static String blankToNull(String raw) {
            return raw == null || raw.isBlank() ? null : raw;
        }
    }
}
