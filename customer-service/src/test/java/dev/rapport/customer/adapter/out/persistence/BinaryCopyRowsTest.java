package dev.rapport.customer.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The binary COPY encoding against the real server: what PostgreSQL reads back is what was written,
 * for numerics of every shape (zero, fractions shorter and longer than a base-10000 group, exact
 * groups, values past a long, negatives), timestamps before and after PostgreSQL's 2000 epoch,
 * non-ASCII text and nulls.
 */
@QuarkusTest
class BinaryCopyRowsTest {

    private static final String COPY = "COPY binary_copy_probe (id, n, amount, label, at, big) FROM STDIN WITH (FORMAT binary)";

    @Inject
    DataSource dataSource;

    @Test
    void numericsTimestampsTextAndNullsRoundTrip() throws SQLException {
        List<String> amounts = List.of("0", "0.00", "0.0001", "0.5", "1", "2.55", "9999", "10000", "10000.0001",
                "12345.6789", "1000000000000000.0000", "0.1234567", "-42.50", "123456789012345678901234567890.12",
                "100000000", "7E+3");
        List<Instant> times = List.of(Instant.parse("2010-12-01T08:26:00Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("1970-01-01T00:00:00.000001Z"),
                Instant.parse("2026-11-23T10:15:30.123456Z"));
        UUID id = UUID.randomUUID();
        BinaryCopyRows rows = new BinaryCopyRows(6);
        for (int i = 0; i < amounts.size(); i++) {
            rows.row().uuid(i == 0 ? id : UUID.randomUUID()).int4(i).numeric(new BigDecimal(amounts.get(i)))
                    .text(i % 3 == 0 ? "Crème brûlée 日本 " + i : "plain " + i)
                    .timestamptz(times.get(i % times.size())).int8(Long.MAX_VALUE - i);
        }
        rows.row().uuid(null).int4(-1).numeric(null).text(null).timestamptz(null).int8(0);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE binary_copy_probe (id uuid, n int, amount numeric, label varchar(100), "
                    + "at timestamptz, big bigint)");
            try {
                rows.copyInto(connection, COPY);
                List<String> read = new ArrayList<>();
                try (ResultSet result = statement.executeQuery(
                        "SELECT id, n, amount::text, label, at, big FROM binary_copy_probe ORDER BY n")) {
                    while (result.next()) {
                        int n = result.getInt(2);
                        if (n == -1) {
                            assertThat(result.getObject(1)).isNull();
                            assertThat(result.getString(3)).isNull();
                            assertThat(result.getString(4)).isNull();
                            assertThat(result.getObject(5)).isNull();
                            continue;
                        }
                        if (n == 0) {
                            assertThat(result.getObject(1, UUID.class)).isEqualTo(id);
                        }
                        // numeric's text keeps the written scale, so compare as text: 2.55 stays "2.55", 0.00 "0.00"
                        assertThat(result.getString(3)).as("amount %s", amounts.get(n))
                                .isEqualTo(new BigDecimal(amounts.get(n)).toPlainString());
                        assertThat(result.getString(4)).isEqualTo(n % 3 == 0 ? "Crème brûlée 日本 " + n : "plain " + n);
                        assertThat(result.getObject(5, OffsetDateTime.class).toInstant()).isEqualTo(times.get(n % times.size()));
                        assertThat(result.getLong(6)).isEqualTo(Long.MAX_VALUE - n);
                        read.add(result.getString(3));
                    }
                }
                assertThat(read).hasSize(amounts.size());
            } finally {
                statement.execute("DROP TABLE binary_copy_probe");
            }
        }
    }

    @Test
    void aValueOfTheWrongWidthIsRefusedByTheServer() throws SQLException {
        // int8 into an integer column: binary COPY checks sizes, so a mismatch fails loudly, never silently.
        BinaryCopyRows rows = new BinaryCopyRows(1);
        rows.row().int8(1);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE binary_copy_width (n int)");
            try {
                assertThatThrownBy(() -> rows.copyInto(connection, "COPY binary_copy_width (n) FROM STDIN WITH (FORMAT binary)"))
                        .isInstanceOf(SQLException.class);
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM binary_copy_width")) {
                    count.next();
                    assertThat(count.getLong(1)).isZero();
                }
            } finally {
                statement.execute("DROP TABLE binary_copy_width");
            }
        }
    }
}
