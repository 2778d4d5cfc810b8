package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The first write of a middle chunk fails (a trigger refuses one of its purchases once, after the
 * chunk's customers were written in the same transaction): the chunk is applied again from what is
 * stored, with new ids, and the chunks after it build on the retried one. The result is exactly that
 * of an import without the failure: no customer or event of the failed attempt, nothing twice.
 */
@QuarkusTest
class ImportWriteFailureTest {

    private static final String HEADER = ImportApiTest.ONLINE_RETAIL_HEADER;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aChunkWhoseWriteFailsIsAppliedAgainAndTheImportEndsAsWithoutTheFailure() throws Exception {
        String p = "F" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String failing = p + "4";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // nextval is not rolled back with the refused transaction, so only the first attempt fails.
            s.execute("CREATE SEQUENCE import_fail_once");
            s.execute("""
                    CREATE FUNCTION import_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.order_id = '%s' THEN
                            IF nextval('import_fail_once') = 1 THEN
                                RAISE EXCEPTION 'injected failure of the first write of %s';
                            END IF;
                        END IF;
                        RETURN NEW;
                    END $$""".formatted(failing, failing));
            s.execute("CREATE TRIGGER import_fail_once BEFORE INSERT ON purchase FOR EACH ROW EXECUTE FUNCTION import_fail_once()");
        }
        try {
            String csv = HEADER
                    // chunk 1 (%test chunks hold 3 orders)
                    + p + "1,S1,LAMP,1,2011-01-01 10:00:00,2.00," + p + "A,United Kingdom\n"
                    + p + "2,S1,LAMP,1,2011-01-01 11:00:00,2.00," + p + "A,United Kingdom\n"
                    + p + "3,S1,LAMP,1,2011-01-01 12:00:00,2.00," + p + "B,France\n"
                    // chunk 2: creates C and D; its first write fails
                    + failing + ",S2,SHADE,2,2011-01-02 10:00:00,7.50," + p + "C,Spain\n"
                    + p + "5,S1,LAMP,1,2011-01-02 11:00:00,2.00," + p + "C,Spain\n"
                    + p + "6,S3,BULB,4,2011-01-02 12:00:00,1.00," + p + "D,Italy\n"
                    // chunk 3: orders of C and D, who exist only once chunk 2 is applied
                    + p + "7,S1,LAMP,3,2011-01-03 10:00:00,2.00," + p + "C,Spain\n"
                    + p + "8,S3,BULB,1,2011-01-03 11:00:00,1.00," + p + "D,Italy\n"
                    + "C" + p + "9,S3,BULB,-1,2011-01-03 12:00:00,1.00," + p + "D,Italy\n"
                    // chunk 4
                    + p + "10,S1,LAMP,1,2011-01-04 10:00:00,2.00," + p + "E,Spain\n";

            JsonPath job = ImportApiTest.awaitEnd(ImportApiTest.upload("online-retail", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8), null));

            assertThat(longs("SELECT last_value FROM import_fail_once")).as("the injected failure happened")
                    .containsExactly(2L);
            assertThat(job.getString("state")).isEqualTo("completed");
            assertThat(job.getLong("customersCreated")).isEqualTo(5);
            assertThat(job.getLong("purchasesCreated")).isEqualTo(9);
            assertThat(job.getLong("returnsRecorded")).isEqualTo(1);
            assertThat(job.getLong("rowsSkipped")).isZero();

            // One customer per external id, and each purchase with the customer of its rows.
            assertThat(strings("SELECT c.external_id || ' ' || string_agg(p.order_id, ',' ORDER BY p.occurred_at)"
                    + " FROM customer c JOIN purchase p ON p.customer_id = c.id WHERE c.external_id LIKE ?"
                    + " GROUP BY c.external_id ORDER BY c.external_id", p + "%"))
                    .containsExactly(p + "A " + p + "1," + p + "2", p + "B " + p + "3",
                            p + "C " + failing + "," + p + "5," + p + "7", p + "D " + p + "6," + p + "8",
                            p + "E " + p + "10");
            String customerD = given().queryParam("externalId", p + "D").when().get("/customers")
                    .then().statusCode(200).extract().path("items[0].id");
            given().when().get("/customers/{id}/purchases/{order}", customerD, p + "8").then().statusCode(200)
                    .body("returnedAmount", org.hamcrest.Matchers.equalTo("1.00"));

            // Every event once: nothing of the failed attempt, nothing twice from the retry.
            assertThat(longs("SELECT count(*) FROM rapport_outbox WHERE event_type = 'rapport.customer.customer-registered.v1'"
                    + " AND payload->'data'->>'externalId' LIKE ?", p + "%")).containsExactly(5L);
            assertThat(longs("SELECT count(*) FROM rapport_outbox WHERE event_type = 'rapport.customer.purchase-recorded.v1'"
                    + " AND payload->'data'->>'orderId' LIKE ?", p + "%")).containsExactly(9L);
            assertThat(longs("SELECT count(*) FROM rapport_outbox o WHERE o.event_type = 'rapport.customer.purchase-recorded.v1'"
                    + " AND o.payload->'data'->>'orderId' LIKE ? AND NOT EXISTS (SELECT 1 FROM customer c"
                    + " WHERE c.id::text = o.payload->>'subject')", p + "%")).as("events naming no stored customer")
                    .containsExactly(0L);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER import_fail_once ON purchase");
                s.execute("DROP FUNCTION import_fail_once()");
                s.execute("DROP SEQUENCE import_fail_once");
            }
        }
    }

    private List<Long> longs(String sql, Object... params) throws SQLException {
        return SqlColumn.longs(dataSource, sql, params);
    }

    private List<String> strings(String sql, Object... params) throws SQLException {
        return SqlColumn.strings(dataSource, sql, params);
    }
}
