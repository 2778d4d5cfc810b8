package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Bulk import end to end against real PostgreSQL: fixtures of a few dozen lines, every skip reason. */
@QuarkusTest
class ImportApiTest {

    /** The header row of the Online Retail format, shared by the import tests. */
    static final String ONLINE_RETAIL_HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    @Inject
    AgroalDataSource dataSource;

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ImportApiTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    static String upload(String format, String contentType, byte[] body, String mapping) {
        var request = given().contentType(contentType).body(body).queryParam("format", format);
        if (mapping != null) {
            request.header("Import-Mapping", mapping);
        }
        return request.when().post("/imports")
                .then().statusCode(202)
                .header("Location", containsString("/imports/"))
                .body("state", equalTo("queued"))
                .extract().path("id");
    }

    /** Polls until the job has ended; the worker runs it in the background. */
    static JsonPath awaitEnd(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonPath job = given().when().get("/imports/{id}", id).then().statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            if (state.equals("completed") || state.equals("failed")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not end within a minute");
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void onlineRetailGroupsInvoicesRecordsReturnsSkipsWithReasonsAndASecondRunChangesNothing() throws Exception {
        byte[] file = fixture("online-retail-small.csv");
        JsonPath job = awaitEnd(upload("online-retail", "text/csv", file, null));

        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getDouble("progressPercent")).isEqualTo(100.0);
        assertThat(job.getLong("rowsRead")).isEqualTo(19);
        assertThat(job.getLong("customersCreated")).isEqualTo(4);
        assertThat(job.getLong("purchasesCreated")).isEqualTo(5);
        assertThat(job.getLong("returnsRecorded")).isEqualTo(2);
        assertThat(job.getLong("rowsSkipped")).isEqualTo(10);
        assertThat(job.getMap("skipCounts", String.class, Integer.class)).isEqualTo(Map.of(
                "missing-customer-id", 1, "non-positive-quantity", 1, "non-positive-price", 1,
                "malformed-row", 1, "invalid-number", 1, "invalid-date", 1, "no-returnable-purchase", 2,
                "invoice-not-contiguous", 1, "invalid-value", 1));
        List<Integer> lines = job.getList("skippedRows.line", Integer.class);
        assertThat(lines).containsExactly(5, 6, 7, 9, 10, 11, 15, 16, 19, 20);
        assertThat(job.getString("skippedRows[3].detail")).contains("7 columns");
        assertThat(job.getString("skippedRows[9].detail")).contains("decimal places");
        assertThat(job.getString("startedAt")).isNotNull();
        assertThat(job.getString("finishedAt")).isNotNull();

        // What a progress display polls: the same counters, without the list.
        JsonPath progress = given().queryParam("skippedRows", "false").when().get("/imports/{id}", job.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(progress.getLong("rowsSkipped")).isEqualTo(10);
        assertThat(progress.getMap("skipCounts")).isEqualTo(job.getMap("skipCounts"));
        assertThat(progress.getLong("purchasesCreated")).isEqualTo(5);
        assertThat(progress.getString("state")).isEqualTo("completed");
        assertThat((Object) progress.get("skippedRows")).isNull();
        given().queryParam("skippedRows", "some").when().get("/imports/{id}", job.getString("id"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("skippedRows"));

        // One purchase per invoice, lines grouped, GBP, InvoiceDate as London local time (GMT in December).
        String customerId = given().queryParam("externalId", "T17850").when().get("/customers")
                .then().statusCode(200).body("items[0].acquisitionChannel", equalTo("import"))
                .body("items[0].attributes.country", equalTo("United Kingdom"))
                .extract().path("items[0].id");
        given().when().get("/customers/{id}/purchases/T00001", customerId).then().statusCode(200)
                .body("currency", equalTo("GBP"))
                .body("total", equalTo("50.94"))
                .body("occurredAt", startsWith("2010-12-01T08:26:00"))
                .body("lines[2].description", equalTo("SET 7 BABUSHKA NESTING BOXES, \"LARGE\""))
                // CT00001: 2 x 85123A cannot come from T00005 (1 unit), so from T00001; 71053 too.
                .body("returns.returnKey", hasItem("CT00001:85123A"))
                .body("returnedAmount", equalTo("8.49"));
        // A customer whose only rows are cancellations still exists.
        given().queryParam("externalId", "T99999").when().get("/customers")
                .then().statusCode(200).body("items.size()", equalTo(1));
        assertThat(count("select count(*) from rapport_outbox where event_type = ? and payload->'data'->>'orderId' = ?",
                "rapport.customer.purchase-recorded.v1", "T00001")).isEqualTo(1);
        long eventsBefore = count("select count(*) from rapport_outbox");

        JsonPath again = awaitEnd(upload("online-retail", "text/csv", file, null));
        assertThat(again.getString("state")).isEqualTo("completed");
        assertThat(again.getLong("customersCreated")).isZero();
        assertThat(again.getLong("purchasesCreated")).isZero();
        assertThat(again.getLong("purchasesUnchanged")).isEqualTo(5);
        assertThat(again.getLong("returnsRecorded")).isZero();
        assertThat(again.getLong("returnsUnchanged")).isEqualTo(2);
        assertThat(count("select count(*) from rapport_outbox")).isEqualTo(eventsBefore);
        assertThat(count("select count(*) from purchase where order_id like 'T0000%'")).isEqualTo(5);
    }

    @Test
    void anInvalidLineSkipsOnlyItsRowAndTheRestOfTheOrderIsRecorded() throws Exception {
        String csv = ONLINE_RETAIL_HEADER
                + "L00001,A1,FIRST,2,2011-03-01 10:00:00,1.50,L17850,United Kingdom\n"
                + "L00001,A2,TOO PRECISE,1,2011-03-01 10:00:00,0.005,L17850,United Kingdom\n"
                + "L00001,A3,THIRD,1,2011-03-01 10:00:00,4.00,L17850,United Kingdom\n"
                + "L00002,B1,ALL BAD,1,2011-03-01 11:00:00,0.001,L17850,United Kingdom\n"
                + "L00002,B2,ALSO BAD,1,2011-03-01 11:00:00,0.002,L17850,United Kingdom\n";
        JsonPath job = awaitEnd(upload("online-retail", "text/csv", csv.getBytes(StandardCharsets.UTF_8), null));

        assertThat(job.getLong("purchasesCreated")).isEqualTo(1);
        assertThat(job.getMap("skipCounts", String.class, Integer.class)).isEqualTo(Map.of("invalid-value", 3));
        assertThat(job.getList("skippedRows.line", Integer.class)).containsExactly(3, 5, 6);
        // Each row names its own field, relative to the line, as a single-line check would.
        assertThat(job.getList("skippedRows.detail", String.class))
                .allSatisfy(detail -> assertThat(detail).startsWith("unitPrice ").contains("decimal places"));
        String customerId = given().queryParam("externalId", "L17850").when().get("/customers")
                .then().statusCode(200).extract().path("items[0].id");
        given().when().get("/customers/{id}/purchases/L00001", customerId).then().statusCode(200)
                .body("lines.sku", contains("A1", "A3"))
                .body("lines.lineNumber", contains(1, 2))
                .body("total", equalTo("7.00"));
        given().when().get("/customers/{id}/purchases/L00002", customerId).then().statusCode(404);
    }

    @Test
    void gzipBodiesAreDecompressedWhileSpooled() throws Exception {
        String csv = ONLINE_RETAIL_HEADER
                + "G00001,85123A,HEART,6,2011-06-01 08:26:00,2.55,G17850,United Kingdom\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        JsonPath job = awaitEnd(upload("online-retail", "application/gzip", gz.toByteArray(), null));
        assertThat(job.getLong("purchasesCreated")).isEqualTo(1);
        assertThat(job.getLong("bytesTotal")).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
        // Summer: London is UTC+1, so 08:26 local is 07:26Z.
        String customerId = given().queryParam("externalId", "G17850").when().get("/customers")
                .then().extract().path("items[0].id");
        given().when().get("/customers/{id}/purchases/G00001", customerId).then().statusCode(200)
                .body("occurredAt", startsWith("2011-06-01T07:26:00"));
    }

    @Test
    void genericCsvWithAMappingCreatesAndUpdatesCustomersWithPurchases() throws Exception {
        String prefix = "CSV-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "cust,mail,first,order,item,qty,price,cur,at\n"
                + prefix + "-1,a-" + prefix + "@example.com,Ada," + prefix + "-O1,SKU1,2,10.00,EUR,2024-01-02T10:00:00Z\n"
                + prefix + "-1,a-" + prefix + "@example.com,Ada," + prefix + "-O1,SKU2,1,5.50,EUR,2024-01-02T10:00:00Z\n"
                + prefix + "-2,not-an-email,Bob,,,,,,\n"
                + prefix + "-3,,Cy,,,,,,\n";
        String mapping = "{\"externalId\":\"cust\",\"email\":\"mail\",\"firstName\":\"first\",\"orderId\":\"order\","
                + "\"sku\":\"item\",\"quantity\":\"qty\",\"unitPrice\":\"price\",\"currency\":\"cur\",\"occurredAt\":\"at\"}";
        JsonPath job = awaitEnd(upload("csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8), mapping));
        assertThat(job.getLong("customersCreated")).isEqualTo(2);
        assertThat(job.getLong("purchasesCreated")).isEqualTo(1);
        assertThat(job.getMap("skipCounts")).isEqualTo(Map.of("invalid-customer", 1));
        assertThat(job.getString("skippedRows[0].detail")).contains("email");

        String updated = "cust,first\n" + prefix + "-3,Cyrus\n" + prefix + "-1,Ada\n";
        JsonPath second = awaitEnd(upload("csv", "text/csv", updated.getBytes(StandardCharsets.UTF_8),
                "{\"externalId\":\"cust\",\"firstName\":\"first\"}"));
        assertThat(second.getLong("customersCreated")).isZero();
        assertThat(second.getLong("customersUpdated")).isEqualTo(1);
        given().queryParam("externalId", prefix + "-3").when().get("/customers")
                .then().body("items[0].firstName", equalTo("Cyrus")).body("items[0].version", equalTo(1));
    }

    @Test
    void ndjsonWithAMappingAndPerRowReasonsForBrokenLinesAndEncodings() throws Exception {
        String prefix = "ND-" + UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"id\":\"" + prefix + "-1\",\"name\":\"Ada\",\"tags\":[\"vip\",\"b2b\"]}\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes("{\"id\": broken\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("{\"id\":\"" + prefix + "-2\",\"name\":\"").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28 }); // not UTF-8
        body.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("[1,2]\n".getBytes(StandardCharsets.UTF_8));
        JsonPath job = awaitEnd(upload("ndjson", "application/x-ndjson", body.toByteArray(),
                "{\"externalId\":\"id\",\"firstName\":\"name\",\"tags\":\"tags\"}"));
        assertThat(job.getString("state")).isEqualTo("completed");
        assertThat(job.getLong("rowsRead")).isEqualTo(4);
        assertThat(job.getLong("customersCreated")).isEqualTo(1);
        assertThat(job.getMap("skipCounts")).isEqualTo(Map.of("malformed-row", 2, "invalid-encoding", 1));
        assertThat(job.getList("skippedRows.line", Integer.class)).containsExactly(2, 3, 4);
        given().queryParam("externalId", prefix + "-1").when().get("/customers")
                .then().body("items[0].tags", equalTo(List.of("b2b", "vip")));
    }

    @Test
    void aWrongMappingIsA400BeforeAnyRowIsApplied() {
        String csv = "id,e_mail\nX-1,x@example.com\n";
        given().contentType("text/csv").body(csv).queryParam("format", "csv")
                .queryParam("mapping", "{\"externalId\":\"id\",\"email\":\"mail\",\"shoeSize\":\"id\"}")
                .when().post("/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("mapping.shoeSize"));
        given().contentType("text/csv").body(csv).queryParam("format", "csv")
                .queryParam("mapping", "{\"externalId\":\"id\",\"email\":\"mail\"}")
                .when().post("/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mapping.email"))
                .body("errors[0].message", containsString("not in the header"));
        given().contentType("text/csv").body(csv).queryParam("format", "csv")
                .when().post("/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("mapping"));
        given().contentType("text/csv").body(csv).queryParam("format", "csv").queryParam("mapping", "not json")
                .when().post("/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("mapping"));
        given().contentType("text/csv").body(csv).queryParam("format", "xlsx")
                .when().post("/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().contentType("text/csv").body(csv).queryParam("format", "online-retail")
                .when().post("/imports")
                .then().statusCode(400).body("detail", containsString("header must be InvoiceNo"));
    }

    @Test
    void anEmptyBodyIs400AndATooLargeOneIs413() {
        given().contentType("text/csv").body(new byte[0]).queryParam("format", "online-retail")
                .when().post("/imports")
                .then().statusCode(400).contentType("application/problem+json");
        byte[] large = new byte[70_000]; // %test max is 65,536 bytes
        java.util.Arrays.fill(large, (byte) 'a');
        given().contentType("text/csv").body(large).queryParam("format", "online-retail")
                .when().post("/imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("maxBytes", equalTo(65536));
        given().contentType("text/csv").header("Content-Encoding", "gzip").body("not gzip at all")
                .queryParam("format", "online-retail")
                .when().post("/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void importsAreListedNewestFirstAndUnknownIdsAre404() throws Exception {
        String csv = ONLINE_RETAIL_HEADER;
        String first = upload("online-retail", "text/csv", csv.getBytes(StandardCharsets.UTF_8), null);
        String second = upload("online-retail", "text/csv", csv.getBytes(StandardCharsets.UTF_8), null);
        awaitEnd(second);
        List<String> ids = given().queryParam("limit", 100).when().get("/imports").then().statusCode(200)
                .extract().path("items.id");
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
        given().when().get("/imports/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/imports/not-a-uuid").then().statusCode(404);
    }
}
