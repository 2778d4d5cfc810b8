package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.line;
import static dev.rapport.customer.api.TestData.purchase;
import static dev.rapport.customer.api.TestData.recordPurchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import io.quarkus.test.junit.QuarkusTest;

/**
 * purchase_line -> purchase is checked by statement triggers (V41) instead of a row-level foreign
 * key: the same guarantees must hold for INSERT, COPY and UPDATE of lines and for DELETE and id
 * changes of purchases.
 */
@QuarkusTest
class PurchaseLineIntegrityTest {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @Inject
    DataSource dataSource;

    @Test
    void aLineOfAMissingPurchaseIsRefusedAndNothingOfTheStatementIsStored() throws SQLException {
        UUID existing = storedPurchase();
        UUID missing = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO purchase_line (purchase_id, line_number, sku, quantity, unit_price)
                     VALUES (?, 2, 'OK', 1, 1), (?, 1, 'ORPHAN', 1, 1)""")) {
            insert.setObject(1, existing);
            insert.setObject(2, missing);
            SQLException refused = assertThrows(SQLException.class, insert::executeUpdate);
            assertEquals(FOREIGN_KEY_VIOLATION, refused.getSQLState());
        }
        assertEquals(1, lines(existing));
        assertEquals(0, lines(missing));
    }

    @Test
    void copyOfAnOrphanLineIsRefused() throws SQLException {
        UUID missing = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            SQLException refused = assertThrows(SQLException.class, () -> pg.getCopyAPI().copyIn(
                    "COPY purchase_line (purchase_id, line_number, sku, quantity, unit_price) FROM STDIN",
                    new StringReader(missing + "\t1\tORPHAN\t1\t1\n")));
            assertEquals(FOREIGN_KEY_VIOLATION, refused.getSQLState());
        }
        assertEquals(0, lines(missing));
    }

    @Test
    void movingALineToAMissingPurchaseIsRefused() throws SQLException {
        UUID existing = storedPurchase();
        assertRefusedToPointAtNothing("UPDATE purchase_line SET purchase_id = ? WHERE purchase_id = ?", existing);
        assertEquals(1, lines(existing));
    }

    @Test
    void changingTheIdOfAPurchaseWithLinesIsRefused() throws SQLException {
        UUID existing = storedPurchase();
        assertRefusedToPointAtNothing("UPDATE purchase SET id = ? WHERE id = ?", existing);
        assertEquals(1, lines(existing));
    }

    @Test
    void deletingAPurchaseDeletesItsLinesAsTheCascadingKeyDid() throws SQLException {
        UUID deleted = storedPurchase();
        UUID kept = storedPurchase();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM purchase WHERE id = ?")) {
            delete.setObject(1, deleted);
            assertEquals(1, delete.executeUpdate());
        }
        assertEquals(0, lines(deleted));
        assertEquals(1, lines(kept));
    }

    /** Runs {@code update} with (a new random id, {@code existing}) and expects a foreign-key violation. */
    private void assertRefusedToPointAtNothing(String update, UUID existing) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setObject(1, UUID.randomUUID());
            statement.setObject(2, existing);
            SQLException refused = assertThrows(SQLException.class, statement::executeUpdate);
            assertEquals(FOREIGN_KEY_VIOLATION, refused.getSQLState());
        }
    }

    /** A purchase with one line, recorded through the API. */
    private UUID storedPurchase() {
        String customerId = createCustomer();
        String purchaseId = recordPurchase(customerId, purchase("INTEGRITY-" + UUID.randomUUID(), line("SKU-1", 1, "2.50")))
                .statusCode(201).extract().path("id");
        return UUID.fromString(purchaseId);
    }

    private int lines(UUID purchaseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM purchase_line WHERE purchase_id = ?")) {
            count.setObject(1, purchaseId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
