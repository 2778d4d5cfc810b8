package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.DuplicateCustomerException;
import dev.rapport.customer.domain.customer.PhoneNumber;

/** Captures everything logged (JUL root handler) while duplicates are refused: no raw e-mail or phone. */
@QuarkusTest
class PersonalDataInLogsTest {

    @Inject
    CustomerRepository customers;

    @Inject
    DataSource dataSource;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            logged.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aDuplicateEmailRequestLogsNoPersonalData() {
        Map<String, Object> body = TestData.customer();
        TestData.createCustomer(body);
        String email = (String) body.get("email");

        TestData.create(body).statusCode(409);

        assertThat(logged).noneMatch(line -> line.contains(email));
    }

    @Test
    void aDuplicateCaughtByTheDatabaseLogsNoPersonalData() {
        String email = TestData.uniqueEmail();
        String phone = TestData.uniquePhone();
        LocalDate today = LocalDate.now();
        Customer first = Customer.register(CustomerId.newId(),
                CustomerProfile.builder(today).email(email).phone(phone, PhoneNumber::new).build(), null, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> customers.add(first));
        logged.clear();
        // What two concurrent registrations end in: the check before the insert passed, the constraint fires.
        Customer second = Customer.register(CustomerId.newId(),
                CustomerProfile.builder(today).email(email).phone(phone, PhoneNumber::new).build(), null, Instant.now());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> customers.add(second)))
                .isInstanceOf(DuplicateCustomerException.class);

        assertThat(logged).as("Hibernate logs the driver's error").isNotEmpty();
        assertThat(logged).noneMatch(line -> line.contains(email) || line.contains(phone)
                || line.contains(phone.substring(1)));
    }

    @Test
    void theDriverKeepsValuesOutOfItsErrorMessages() throws SQLException {
        String email = TestData.uniqueEmail();
        given().contentType("application/json").body(Map.of("email", email)).when().post("/customers")
                .then().statusCode(201);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO customer (id, email, created_at, updated_at, version)
                     VALUES (gen_random_uuid(), ?, now(), now(), 0)""")) {
            insert.setString(1, email);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("customer_email_key")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(email));
        }
    }
}
