package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Returns of an Online Retail import whose purchase was committed by an earlier chunk (%test chunks
 * hold 3 orders), several returns against one purchase, and the units left after them: the same
 * amounts, versions and events as returns recorded one by one, and nothing new on a re-run.
 */
@QuarkusTest
class ImportReturnsAcrossChunksTest {

    private static final String HEADER = ImportApiTest.ONLINE_RETAIL_HEADER;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void returnsFindPurchasesOfEarlierChunksAndUseUpWhatIsLeft() throws Exception {
        String p = "X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String csv = HEADER
                // chunk 1: three orders
                + p + "1,S1,LAMP,5,2011-01-01 10:00:00,2.00," + p + "A,United Kingdom\n"
                + p + "1,S2,SHADE,1,2011-01-01 10:00:00,7.50," + p + "A,United Kingdom\n"
                + p + "2,S1,LAMP,1,2011-01-01 11:00:00,2.00," + p + "B,France\n"
                + p + "3,S1,LAMP,1,2011-01-01 12:00:00,2.00," + p + "B,France\n"
                // chunk 2: an order and two cancellations of customer A against order 1 of chunk 1
                + p + "4,S3,BULB,1,2011-01-02 09:00:00,1.00," + p + "B,France\n"
                + "C" + p + "5,S1,LAMP,-2,2011-01-02 10:00:00,2.00," + p + "A,United Kingdom\n"
                + "C" + p + "6,S1,LAMP,-2,2011-01-03 10:00:00,2.00," + p + "A,United Kingdom\n"
                // chunk 3: one unit of S1 is left in order 1, so two cannot come back
                + "C" + p + "7,S1,LAMP,-2,2011-01-04 10:00:00,2.00," + p + "A,United Kingdom\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        JsonPath job = ImportApiTest.awaitEnd(ImportApiTest.upload("online-retail", "text/csv", file, null));

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("purchasesCreated")).isEqualTo(4);
        assertThat(job.getLong("returnsRecorded")).isEqualTo(2);
        assertThat(job.getMap("skipCounts", String.class, Integer.class)).isEqualTo(Map.of("no-returnable-purchase", 1));
        assertThat(job.getList("skippedRows.line", Integer.class)).containsExactly(9);

        String customerA = given().queryParam("externalId", p + "A").when().get("/customers")
                .then().statusCode(200).extract().path("items[0].id");
        given().when().get("/customers/{id}/purchases/{order}", customerA, p + "1").then().statusCode(200)
                .body("total", equalTo("17.50"))
                .body("returnedAmount", equalTo("8.00"))
                // Any order: returns of one chunk share recordedAt, and the API orders by (recordedAt, id).
                .body("returns.returnKey", containsInAnyOrder("C" + p + "5:S1", "C" + p + "6:S1"));
        // One version per return, as when they are recorded one by one.
        assertThat(longs("select version from purchase where order_id = ?", p + "1")).containsExactly(2L);
        List<String> returned = strings("select payload->'data'->>'returnKey' || ' ' || (payload->'data'->>'amount')"
                + " || ' ' || (payload->'data'->>'orderId') || ' ' || (payload->>'subject') from rapport_outbox"
                + " where event_type = 'rapport.customer.purchase-returned.v1' and payload->'data'->>'orderId' = ?"
                + " order by id", p + "1");
        assertThat(returned).containsExactly("C" + p + "5:S1 4.00 " + p + "1 " + customerA,
                "C" + p + "6:S1 4.00 " + p + "1 " + customerA);
        long events = longs("select count(*) from rapport_outbox").getFirst();

        JsonPath again = ImportApiTest.awaitEnd(ImportApiTest.upload("online-retail", "text/csv", file, null));

        assertThat(again.getLong("purchasesCreated")).isZero();
        assertThat(again.getLong("purchasesUnchanged")).isEqualTo(4);
        assertThat(again.getLong("returnsRecorded")).isZero();
        assertThat(again.getLong("returnsUnchanged")).isEqualTo(2);
        assertThat(again.getMap("skipCounts", String.class, Integer.class)).isEqualTo(Map.of("no-returnable-purchase", 1));
        assertThat(longs("select count(*) from rapport_outbox")).containsExactly(events);
        assertThat(longs("select version from purchase where order_id = ?", p + "1")).containsExactly(2L);
    }

    private List<Long> longs(String sql, Object... params) throws SQLException {
        return SqlColumn.longs(dataSource, sql, params);
    }

    private List<String> strings(String sql, Object... params) throws SQLException {
        return SqlColumn.strings(dataSource, sql, params);
    }
}
