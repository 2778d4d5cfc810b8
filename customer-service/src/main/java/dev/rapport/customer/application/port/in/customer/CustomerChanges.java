package dev.rapport.customer.application.port.in.customer;

import dev.rapport.kernel.change.MapPatch;

import dev.rapport.kernel.change.Change;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields a partial update touches. Tags are replaced as a whole (a JSON array is replaced by a
 * merge patch); preferences and attributes are merged key by key, {@code Change.to(null)} clears them.
 */
public record CustomerChanges(
        Change<String> externalId,
        Change<String> firstName,
        Change<String> lastName,
        Change<String> email,
        Change<String> phone,
        Change<String> company,
        Change<String> jobTitle,
        Change<String> acquisitionChannel,
        Change<MapPatch> preferences,
        Change<List<String>> tags,
        Change<MapPatch> attributes,
        Change<LocalDate> birthday) {

    public static Builder builder() {
        return new Builder();
    }

    /** Starts with every field left alone. */
    public static final class Builder {
        private Change<String> externalId = Change.keep();
        private Change<String> firstName = Change.keep();
        private Change<String> lastName = Change.keep();
        private Change<String> email = Change.keep();
        private Change<String> phone = Change.keep();
        private Change<String> company = Change.keep();
        private Change<String> jobTitle = Change.keep();
        private Change<String> acquisitionChannel = Change.keep();
        private Change<MapPatch> preferences = Change.keep();
        private Change<List<String>> tags = Change.keep();
        private Change<MapPatch> attributes = Change.keep();
        private Change<LocalDate> birthday = Change.keep();

        public Builder externalId(String value) {
            externalId = Change.to(value);
            return this;
        }

        public Builder firstName(String value) {
            firstName = Change.to(value);
            return this;
        }

        public Builder lastName(String value) {
            lastName = Change.to(value);
            return this;
        }

        public Builder email(String value) {
            email = Change.to(value);
            return this;
        }

        public Builder phone(String value) {
            phone = Change.to(value);
            return this;
        }

        public Builder company(String value) {
            company = Change.to(value);
            return this;
        }

        public Builder jobTitle(String value) {
            jobTitle = Change.to(value);
            return this;
        }

        public Builder acquisitionChannel(String value) {
            acquisitionChannel = Change.to(value);
            return this;
        }

        public Builder preferences(MapPatch value) {
            preferences = Change.to(value);
            return this;
        }

        public Builder tags(List<String> value) {
            tags = Change.to(value);
            return this;
        }

        public Builder attributes(MapPatch value) {
            attributes = Change.to(value);
            return this;
        }

        public Builder birthday(LocalDate value) {
            birthday = Change.to(value);
            return this;
        }

        public CustomerChanges build() {
            return new CustomerChanges(externalId, firstName, lastName, email, phone, company, jobTitle,
                    acquisitionChannel, preferences, tags, attributes, birthday);
        }
    }
}
