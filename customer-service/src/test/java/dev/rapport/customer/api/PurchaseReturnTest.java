package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.line;
import static dev.rapport.customer.api.TestData.purchase;
import static dev.rapport.customer.api.TestData.recordPurchase;
import static dev.rapport.customer.api.TestData.uniqueOrderId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PurchaseReturnTest {

    private String customerId;
    private String orderId;

    @BeforeEach
    void purchaseOfTwoLines() {
        customerId = createCustomer();
        orderId = uniqueOrderId();
        recordPurchase(customerId, purchase(orderId, line("85123A", 6, "2.55"), line("71053", 6, "3.39")))
                .statusCode(201);
    }

    private ValidatableResponse returnGoods(String json) {
        return given().contentType(ContentType.JSON).body(json)
                .when().post("/customers/{id}/purchases/{orderId}/returns", customerId, orderId).then();
    }

    @Test
    void anEmptyBodyReturnsNothingAndIsRefused() {
        given().contentType(ContentType.JSON)
                .when().post("/customers/{id}/purchases/{orderId}/returns", customerId, orderId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().when().get("/customers/{id}/purchases/{orderId}", customerId, orderId)
                .then().statusCode(200).body("returnedAmount", equalTo("0.00")).body("returns", hasSize(0));

        returnGoods("{}").statusCode(201).body("purchase.returnedAmount", equalTo("35.64"));
    }

    @Test
    void aPartialReturnIsValuedAtThePurchasePrices() {
        returnGoods("{\"returnKey\": \"C1\", \"lines\": [{\"sku\": \"85123A\", \"quantity\": 2}], \"reason\": \"damaged\"}")
                .statusCode(201)
                .body("purchaseReturn.returnKey", equalTo("C1"))
                .body("purchaseReturn.amount", equalTo("5.10"))
                .body("purchaseReturn.currency", equalTo("GBP"))
                .body("purchaseReturn.reason", equalTo("damaged"))
                .body("purchaseReturn.lines[0].lineNumber", equalTo(1))
                .body("purchaseReturn.lines[0].quantity", equalTo(2))
                .body("purchase.returnedAmount", equalTo("5.10"))
                .body("purchase.remainingAmount", equalTo("30.54"))
                .body("purchase.lines[0].returnedQuantity", equalTo(2));

        given().when().get("/customers/{id}/purchases/{orderId}", customerId, orderId)
                .then().statusCode(200)
                .body("returnedAmount", equalTo("5.10"))
                .body("returns", hasSize(1))
                .body("returns[0].lines[0].amount", equalTo("5.10"));
    }

    @Test
    void repeatingAReturnKeyAnswersTheSameReturn() {
        String id = returnGoods("{\"returnKey\": \"C2\", \"lines\": [{\"sku\": \"71053\", \"quantity\": 1}]}")
                .statusCode(201).extract().path("purchaseReturn.id");

        returnGoods("{\"returnKey\": \"C2\", \"lines\": [{\"sku\": \"71053\", \"quantity\": 1}]}")
                .statusCode(200)
                .body("purchaseReturn.id", equalTo(id))
                .body("purchase.returnedAmount", equalTo("3.39"));
        returnGoods("{\"returnKey\": \"C2\", \"lines\": [{\"sku\": \"71053\", \"quantity\": 2}]}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/return-key-conflict"))
                .body("existingReturnId", equalTo(id));
    }

    @Test
    void returningMoreThanRemainsIs422AndStoresNothing() {
        returnGoods("{\"lines\": [{\"sku\": \"85123A\", \"quantity\": 5}]}").statusCode(201);

        returnGoods("{\"lines\": [{\"sku\": \"85123A\", \"quantity\": 2}, {\"sku\": \"71053\", \"quantity\": 1}]}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/return-not-possible"))
                .body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", equalTo("exceeds the 1 unit(s) of 85123A still returnable"));
        returnGoods("{\"lines\": [{\"sku\": \"NOT-BOUGHT\", \"quantity\": 1}]}")
                .statusCode(422).body("errors[0].field", equalTo("lines[0].sku"));

        given().when().get("/customers/{id}/purchases/{orderId}", customerId, orderId)
                .then().body("returns", hasSize(1)).body("returnedAmount", equalTo("12.75"));
    }

    @Test
    void withoutLinesEverythingRemainingComesBack() {
        returnGoods("{\"lines\": [{\"sku\": \"85123A\", \"quantity\": 1}]}").statusCode(201);

        returnGoods("{\"returnKey\": \"ALL\", \"reason\": \"order cancelled\"}")
                .statusCode(201)
                .body("purchaseReturn.amount", equalTo("33.09"))
                .body("purchase.remainingAmount", equalTo("0.00"));
        returnGoods("{}").statusCode(422)
                .body("detail", equalTo("Everything in this purchase has already been returned"));
    }

    @Test
    void malformedReturnsAre400() {
        returnGoods("{\"lines\": [{\"sku\": \"85123A\", \"quantity\": 0}]}")
                .statusCode(400).body("errors[0].field", equalTo("lines[0].quantity"));
        returnGoods("{\"lines\": []}").statusCode(400).body("errors[0].field", equalTo("lines"));
        returnGoods("{\"returnKey\": \"bad key!\"}").statusCode(400).body("errors[0].field", equalTo("returnKey"));
        returnGoods("{\"occurredAt\": \"2999-01-01T00:00:00Z\"}").statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        returnGoods("{\"lines\": [{\"sku\": \"85123A\", \"quantity\": \"two\"}]}").statusCode(400)
                .body("errors[0].field", equalTo("lines[0].quantity"));
        returnGoods("{\"occurredAt\": \"2020-01-01T00:00:00Z\"}").statusCode(422)
                .body("errors[0].field", equalTo("occurredAt"));

        given().when().get("/customers/{id}/purchases/{orderId}", customerId, orderId)
                .then().body("returns", hasSize(0));
    }

    @Test
    void returnsAgainstUnknownPurchasesAre404() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/customers/{id}/purchases/{orderId}/returns", customerId, "UNKNOWN-ORDER")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/customers/{id}/purchases/{orderId}/returns", createCustomer(), orderId)
                .then().statusCode(404);
    }
}
