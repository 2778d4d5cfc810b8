package dev.rapport.customer.application.service.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.rapport.customer.application.port.out.privacy.PersonalDataSection;

/** Every {@link PersonalDataSection} bean, profile first and the rest by name, so exports are stable. */
@ApplicationScoped
public class PersonalDataSections {

    static final String PROFILE = "profile";

    private final List<PersonalDataSection> ordered;

    @Inject
    PersonalDataSections(Instance<PersonalDataSection> sections) {
        this(sections.stream().toList());
    }

    PersonalDataSections(List<PersonalDataSection> sections) {
        List<PersonalDataSection> copy = new ArrayList<>(sections);
        copy.sort(Comparator.comparing((PersonalDataSection s) -> !PROFILE.equals(s.name()))
                .thenComparing(PersonalDataSection::name));
        // The export document has these members itself.
        Set<String> names = new HashSet<>(Set.of("format", "exportedAt", "customerId"));
        for (PersonalDataSection section : copy) {
            if (!names.add(section.name())) {
                throw new IllegalStateException("two personal data sections are named " + section.name());
            }
        }
        this.ordered = List.copyOf(copy);
    }

    List<PersonalDataSection> all() {
        return ordered;
    }
}
