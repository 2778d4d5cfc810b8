package dev.rapport.messaging.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The binary COPY encoding against the real server: what PostgreSQL reads back is what was written,
 * for numerics of every shape (zero, fractions shorter and longer than a base-10000 group, exact
 * groups, values past a long, negatives, a negative scale), timestamps before and after PostgreSQL's
 * 2000 epoch, non-ASCII text, jsonb, text arrays, dates and nulls.
 */
@QuarkusTest
class BinaryCopyRowsTest {

    private static final String COPY = """
            COPY binary_copy_probe (id, n, amount, label, at, big, doc, raw) FROM STDIN WITH (FORMAT binary)""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyTypeRoundTripsThroughTheServer() throws SQLException {
        List<String> amounts = List.of("0", "0.00", "0.0001", "0.5", "1", "2.55", "9999", "10000", "10000.0001",
                "12345.6789", "1000000000000000.0000", "0.1234567", "-42.50", "123456789012345678901234567890.12",
                "100000000", "7E+3");
        List<Instant> times = List.of(Instant.parse("2010-12-01T08:26:00Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("1970-01-01T00:00:00.000001Z"),
                Instant.parse("2026-11-23T10:15:30.123456Z"));
        UUID[] ids = new UUID[amounts.size()];
        BinaryCopyRows rows = new BinaryCopyRows(8);
        for (int i = 0; i < amounts.size(); i++) {
            ids[i] = UUID.randomUUID();
            rows.row().uuid(ids[i]).int4(i).numeric(new BigDecimal(amounts.get(i))).text(label(i))
                    .timestamptz(times.get(i % times.size())).int8(Long.MAX_VALUE - i).jsonb(doc(i)).json(doc(i));
        }
        rows.row().uuid(null).int4(-1).numeric(null).text(null).timestamptz(null).int8(0).jsonb(null).json(null);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE binary_copy_probe (id uuid, n int, amount numeric, label varchar(100), "
                    + "at timestamptz, big bigint, doc jsonb, raw json)");
            try {
                rows.copyInto(connection, COPY);
                int read = 0;
                try (ResultSet result = statement.executeQuery(
                        "SELECT id, n, amount::text, label, at, big, doc->>'name', raw::text FROM binary_copy_probe ORDER BY n")) {
                    while (result.next()) {
                        int n = result.getInt(2);
                        if (n == -1) {
                            assertNull(result.getObject(1));
                            assertNull(result.getString(3));
                            assertNull(result.getString(4));
                            assertNull(result.getObject(5));
                            assertNull(result.getString(7));
                            assertNull(result.getString(8));
                            continue;
                        }
                        assertEquals(ids[n], result.getObject(1, UUID.class));
                        // numeric's text keeps the written scale: 2.55 stays "2.55", 0.00 "0.00"
                        assertEquals(new BigDecimal(amounts.get(n)).toPlainString(), result.getString(3), "amount " + n);
                        assertEquals(label(n), result.getString(4));
                        assertEquals(times.get(n % times.size()), result.getObject(5, OffsetDateTime.class).toInstant());
                        assertEquals(Long.MAX_VALUE - n, result.getLong(6));
                        assertEquals("Crème \"brûlée\" " + n, result.getString(7));
                        assertEquals(doc(n), result.getString(8), "json keeps the text as written");
                        read++;
                    }
                }
                assertEquals(amounts.size(), read);
            } finally {
                statement.execute("DROP TABLE binary_copy_probe");
            }
        }
    }

    @Test
    void textArraysAndDatesRoundTripThroughTheServer() throws SQLException {
        List<List<String>> arrays = List.of(List.of(), List.of("vip"), List.of("a,b", "{braces}", "quote\"d",
                "back\\slash", "NULL", "", "Crème 日本"));
        List<LocalDate> dates = List.of(LocalDate.parse("2000-01-01"), LocalDate.parse("1999-12-31"),
                LocalDate.parse("2024-02-29"));
        BinaryCopyRows rows = new BinaryCopyRows(3);
        for (int i = 0; i < arrays.size(); i++) {
            rows.row().int4(i).textArray(arrays.get(i)).date(dates.get(i));
        }
        rows.row().int4(-1).textArray(null).date(null);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE binary_copy_arrays (n int, tags text[], day date)");
            try {
                rows.copyInto(connection, "COPY binary_copy_arrays (n, tags, day) FROM STDIN WITH (FORMAT binary)");
                try (ResultSet result = statement.executeQuery(
                        "SELECT n, tags, day, cardinality(tags) FROM binary_copy_arrays ORDER BY n")) {
                    result.next();
                    assertNull(result.getArray(2));
                    assertNull(result.getObject(3));
                    for (int i = 0; i < arrays.size(); i++) {
                        result.next();
                        assertEquals(arrays.get(i), List.of((String[]) result.getArray(2).getArray()));
                        assertEquals(arrays.get(i).size(), result.getInt(4));
                        assertEquals(dates.get(i), result.getObject(3, LocalDate.class));
                    }
                }
            } finally {
                statement.execute("DROP TABLE binary_copy_arrays");
            }
        }
    }

    @Test
    void aValueOfTheWrongWidthIsRefusedAndNothingIsStored() throws SQLException {
        // int8 into an integer column: binary COPY checks sizes, so a mismatch fails loudly, never silently.
        BinaryCopyRows rows = new BinaryCopyRows(1);
        rows.row().int8(1);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE binary_copy_width (n int)");
            try {
                assertThrows(SQLException.class,
                        () -> rows.copyInto(connection, "COPY binary_copy_width (n) FROM STDIN WITH (FORMAT binary)"));
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM binary_copy_width")) {
                    count.next();
                    assertEquals(0, count.getLong(1));
                }
            } finally {
                statement.execute("DROP TABLE binary_copy_width");
            }
        }
    }

    private static String label(int i) {
        return i % 3 == 0 ? "Crème brûlée 日本 " + i : "plain " + i;
    }

    private static String doc(int i) {
        return "{\"name\": \"Crème \\\"brûlée\\\" " + i + "\", \"n\": " + i + "}";
    }
}
