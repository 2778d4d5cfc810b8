package dev.rapport.customer.adapter.out.persistence.customer;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.rapport.customer.domain.customer.AcquisitionChannel;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;
import dev.rapport.customer.domain.customer.ReferralCode;
import dev.rapport.customer.domain.customer.Tag;

/** Between the customer aggregate and its row. */
final class CustomerMapper {

    private CustomerMapper() {
    }

    static Customer toDomain(CustomerEntity row) {
        CustomerProfile profile = new CustomerProfile(
                row.externalId == null ? null : new ExternalId(row.externalId),
                row.firstName,
                row.lastName,
                row.email == null ? null : new EmailAddress(row.email),
                row.phone == null ? null : new PhoneNumber(row.phone),
                row.company,
                row.jobTitle,
                row.acquisitionChannel == null ? null : AcquisitionChannel.fromWireName(row.acquisitionChannel),
                row.preferences == null ? null : new TreeMap<>(row.preferences),
                row.tags == null ? null : new TreeSet<>(Arrays.stream(row.tags).map(Tag::new).toList()),
                row.attributes == null ? null : new TreeMap<>(row.attributes),
                row.birthday);
        return Customer.restore(new CustomerId(row.id), profile,
                row.referralCode == null ? null : new ReferralCode(row.referralCode),
                row.createdAt, row.updatedAt, row.version, row.erasedAt);
    }

    static void copyToRow(Customer customer, CustomerEntity row) {
        CustomerProfile p = customer.profile();
        row.id = customer.id().value();
        row.externalId = p.externalId() == null ? null : p.externalId().value();
        row.firstName = p.firstName();
        row.lastName = p.lastName();
        row.email = p.email() == null ? null : p.email().value();
        row.phone = p.phone() == null ? null : p.phone().e164();
        row.company = p.company();
        row.jobTitle = p.jobTitle();
        row.acquisitionChannel = p.acquisitionChannel() == null ? null : p.acquisitionChannel().wireName();
        row.preferences = new TreeMap<>(p.preferences());
        row.tags = p.tags().stream().map(Tag::value).toArray(String[]::new);
        row.attributes = new TreeMap<>(p.attributes());
        row.birthday = p.birthday();
        row.referralCode = customer.referralCode() == null ? null : customer.referralCode().value();
        row.createdAt = customer.createdAt();
        row.updatedAt = customer.updatedAt();
        row.erasedAt = customer.erasedAt();
    }
}
