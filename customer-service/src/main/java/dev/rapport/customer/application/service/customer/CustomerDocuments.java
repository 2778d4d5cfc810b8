package dev.rapport.customer.application.service.customer;

import java.time.LocalDate;

import dev.rapport.customer.application.port.in.customer.RegisterCustomerCommand;
import dev.rapport.customer.application.port.out.customer.PhoneNumberNormaliser;
import dev.rapport.customer.domain.customer.CustomerProfile;

/** A whole customer document (the create body, also the upsert body) turned into a profile. */
final class CustomerDocuments {

    private CustomerDocuments() {
    }

    /** Every field is taken from the document; an absent one is empty. Collects every violation. */
    static CustomerProfile profile(RegisterCustomerCommand document, LocalDate today, PhoneNumberNormaliser phoneNumbers) {
        return CustomerProfile.builder(today)
                .externalId(document.externalId())
                .firstName(document.firstName())
                .lastName(document.lastName())
                .email(document.email())
                .phone(document.phone(), phoneNumbers::normalise)
                .company(document.company())
                .jobTitle(document.jobTitle())
                .acquisitionChannel(document.acquisitionChannel())
                .preferences(document.preferences())
                .tags(document.tags())
                .attributes(document.attributes())
                .birthday(document.birthday())
                .build();
    }
}
