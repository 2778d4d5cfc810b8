package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An import's return candidates hold only the lines of the returned SKUs. A purchase that already
 * has a return of several SKUs (recorded one by one through the API) and gets a cancellation of one
 * SKU by import must end with the old returned amount plus the new one, not with what the import
 * saw of it; the SKU bought on two lines is taken in line order, as a single write does.
 */
@QuarkusTest
class ImportReturnAfterSingleWriteReturnTest {

    private static final String HEADER = ImportApiTest.ONLINE_RETAIL_HEADER;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theImportedReturnAddsToAnEarlierReturnOfOtherSkus() throws Exception {
        String p = "Y" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String order = p + "1";
        // S1 on lines 1 and 3 at different prices; total 2.00 + 5.00 + 1.00 = 8.00.
        String purchases = HEADER
                + order + ",S1,LAMP,2,2011-01-01 10:00:00,1.00," + p + "A,United Kingdom\n"
                + order + ",S2,SHADE,1,2011-01-01 10:00:00,5.00," + p + "A,United Kingdom\n"
                + order + ",S1,LAMP,2,2011-01-01 10:00:00,0.50," + p + "A,United Kingdom\n";
        JsonPath first = ImportApiTest.awaitEnd(ImportApiTest.upload("online-retail", "text/csv",
                purchases.getBytes(StandardCharsets.UTF_8), null));
        assertThat(first.getString("state")).isEqualTo("completed");
        assertThat(first.getLong("purchasesCreated")).isEqualTo(1);
        String customer = given().queryParam("externalId", p + "A").when().get("/customers")
                .then().statusCode(200).extract().path("items[0].id");
        // One S1 (line 1) and the S2 back in one single write: 6.00.
        given().contentType(ContentType.JSON)
                .body("{\"returnKey\": \"COUNTER\", \"lines\": [{\"sku\": \"S1\", \"quantity\": 1},"
                        + " {\"sku\": \"S2\", \"quantity\": 1}]}")
                .when().post("/customers/{id}/purchases/{order}/returns", customer, order)
                .then().statusCode(201).body("purchase.returnedAmount", equalTo("6.00"));
        long version = longs("select version from purchase where order_id = ?", order).getFirst();

        // Two units of S1 cancelled: the last one of line 1 (1.00) and one of line 3 (0.50).
        String cancellation = HEADER + "C" + p + "2,S1,LAMP,-2,2011-01-02 10:00:00,1.00," + p + "A,United Kingdom\n";
        JsonPath second = ImportApiTest.awaitEnd(ImportApiTest.upload("online-retail", "text/csv",
                cancellation.getBytes(StandardCharsets.UTF_8), null));

        assertThat(second.getString("state")).isEqualTo("completed");
        assertThat(second.getLong("returnsRecorded")).isEqualTo(1);
        given().when().get("/customers/{id}/purchases/{order}", customer, order).then().statusCode(200)
                .body("total", equalTo("8.00"))
                .body("returnedAmount", equalTo("7.50"))
                .body("remainingAmount", equalTo("0.50"))
                .body("lines.returnedQuantity", equalTo(List.of(2, 1, 1)))
                .body("returns.returnKey", containsInAnyOrder("COUNTER", "C" + p + "2:S1"))
                .body("returns.find { it.returnKey == 'C" + p + "2:S1' }.amount", equalTo("1.50"));
        // The stored column itself (the API recomputes from the returns): old + new.
        assertThat(strings("select returned_amount::text from purchase where order_id = ?", order))
                .containsExactly("7.5000");
        assertThat(longs("select version from purchase where order_id = ?", order)).containsExactly(version + 1);
        assertThat(strings("select (payload->'data'->>'amount') || ' ' || (payload->'data'->>'returnKey')"
                + " from rapport_outbox where event_type = 'rapport.customer.purchase-returned.v1'"
                + " and payload->'data'->>'orderId' = ? order by id", order))
                .containsExactly("6.00 COUNTER", "1.50 C" + p + "2:S1");

        // What is left of S1 is one unit: a cancellation of two more finds no purchase.
        String tooMany = HEADER + "C" + p + "3,S1,LAMP,-2,2011-01-03 10:00:00,1.00," + p + "A,United Kingdom\n";
        JsonPath third = ImportApiTest.awaitEnd(ImportApiTest.upload("online-retail", "text/csv",
                tooMany.getBytes(StandardCharsets.UTF_8), null));
        assertThat(third.getLong("returnsRecorded")).isZero();
        assertThat(third.getList("skippedRows.reason", String.class)).containsExactly("no-returnable-purchase");
        assertThat(strings("select returned_amount::text from purchase where order_id = ?", order))
                .containsExactly("7.5000");
    }

    private List<Long> longs(String sql, Object... params) throws SQLException {
        return SqlColumn.longs(dataSource, sql, params);
    }

    private List<String> strings(String sql, Object... params) throws SQLException {
        return SqlColumn.strings(dataSource, sql, params);
    }
}
