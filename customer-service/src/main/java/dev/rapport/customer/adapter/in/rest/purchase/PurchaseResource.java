package dev.rapport.customer.adapter.in.rest.purchase;

import dev.rapport.customer.adapter.in.rest.OpenApiBounds;

import dev.rapport.customer.adapter.in.rest.ApiExamples;
import dev.rapport.customer.adapter.in.rest.Paging;

import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.http.Cursors;
import dev.rapport.http.RequiredBody;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.application.port.in.purchase.GetPurchaseUseCase;
import dev.rapport.customer.application.port.in.purchase.ListPurchasesUseCase;
import dev.rapport.kernel.paging.Page;
import dev.rapport.customer.application.port.in.purchase.RecordPurchaseUseCase;
import dev.rapport.customer.application.port.in.purchase.RecordReturnUseCase;
import dev.rapport.customer.application.port.in.purchase.RecordedPurchase;
import dev.rapport.customer.application.port.in.purchase.RecordedReturn;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.http.ProblemDetail;

@Path("/customers/{customerId}/purchases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purchases", description = "What a customer bought and returned")
public class PurchaseResource {

    private final RecordPurchaseUseCase record;
    private final ListPurchasesUseCase list;
    private final GetPurchaseUseCase get;
    private final RecordReturnUseCase recordReturn;
    private final Paging paging;

    PurchaseResource(RecordPurchaseUseCase record, ListPurchasesUseCase list, GetPurchaseUseCase get,
                     RecordReturnUseCase recordReturn, Paging paging) {
        this.record = record;
        this.list = list;
        this.get = get;
        this.recordReturn = recordReturn;
        this.paging = paging;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a purchase (idempotent by orderId)",
            description = "The total is the sum of quantity x unitPrice over the lines; a client's total is never "
                    + "read. The first request answers 201 and publishes purchase-recorded; repeating the same "
                    + "orderId with the same lines answers 200 with the stored purchase and publishes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecordPurchaseRequest.class),
            examples = @ExampleObject(name = "purchase", value = ApiExamples.RECORD_PURCHASE)))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "URL of the purchase",
                    schema = @Schema(implementation = String.class, format = "uri-reference", maxLength = OpenApiBounds.LOCATION_MAX_LENGTH)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurchaseResponse.class),
                    examples = @ExampleObject(name = "purchase", value = ApiExamples.PURCHASE)))
    @APIResponse(responseCode = "200", description = "Recorded before: the stored purchase",
            headers = @Header(name = "Location", description = "URL of the purchase",
                    schema = @Schema(implementation = String.class, format = "uri-reference", maxLength = OpenApiBounds.LOCATION_MAX_LENGTH)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurchaseResponse.class),
                    examples = @ExampleObject(name = "purchase", value = ApiExamples.PURCHASE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (currency, quantity, price, lines, ...), malformed JSON or wrong types",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
                             "detail": "2 fields are invalid", "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/purchases",
                             "errors": [{"field": "currency", "message": "must be an ISO 4217 currency code like GBP"},
                                        {"field": "lines[0].quantity", "message": "must be greater than 0"}]}""")))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The orderId is recorded with other lines, or for another customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "conflict", value = ApiExamples.ORDER_CONFLICT_PROBLEM)))
    public Response recordPurchase(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("customerId") String customerId,
            @RequiredBody RecordPurchaseRequest request) {
        RecordedPurchase recorded = record.record(request.toCommand(Paging.customerId(customerId)));
        Purchase purchase = recorded.purchase();
        URI location = UriBuilder.fromResource(PurchaseResource.class).path(purchase.orderId().value())
                .build(purchase.customerId().value());
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(location)
                .entity(PurchaseResponse.of(purchase))
                .build();
    }

    @GET
    @Operation(summary = "List a customer's purchases", description = "Newest first (occurredAt, then id), cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of purchases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurchasePageResponse.class),
                    examples = @ExampleObject(name = "page", value = ApiExamples.PURCHASE_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public PurchasePageResponse listPurchases(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("customerId") String customerId,
            @Parameter(description = "Page size, 1 to 100, default 20",
                    schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "100"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Cursors.MAX_LENGTH))
            @QueryParam("cursor") String cursor) {
        UUID id = Paging.customerId(customerId);
        Page<Purchase> page = list.list(id, paging.request(limit, cursor, Paging.PURCHASES_CURSOR));
        return new PurchasePageResponse(page.items().stream().map(PurchaseResponse::of).toList(),
                Cursors.encode(Paging.PURCHASES_CURSOR, page.next()));
    }

    @GET
    @Path("/{orderId}")
    @Operation(summary = "Get one purchase by order id", description = "With its lines and returns.")
    @APIResponse(responseCode = "200", description = "The purchase",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurchaseResponse.class),
                    examples = @ExampleObject(name = "purchase", value = ApiExamples.PURCHASE)))
    @APIResponse(responseCode = "404", description = "No such customer or no such purchase of this customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public PurchaseResponse getPurchase(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("customerId") String customerId,
            @Parameter(description = "The order id the purchase was recorded with",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OrderId.MAX_LENGTH)) @PathParam("orderId") String orderId) {
        return PurchaseResponse.of(get.get(Paging.customerId(customerId), orderId));
    }

    @POST
    @Path("/{orderId}/returns")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a return against a purchase",
            description = "Returned SKUs are taken from the purchase's lines with that SKU in line order; the amount "
                    + "uses the purchase's unit prices. Without lines ({}) everything still returnable comes back; "
                    + "an empty body is refused. "
                    + "With a returnKey the request is idempotent: a repeat answers 200 with the same return. "
                    + "Publishes purchase-returned.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecordReturnRequest.class),
            examples = { @ExampleObject(name = "some lines", value = ApiExamples.RECORD_RETURN),
                    @ExampleObject(name = "everything", value = "{\"returnKey\": \"C536380\", \"reason\": \"order cancelled\"}") }))
    @APIResponse(responseCode = "201", description = "Return recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordReturnResponse.class),
                    examples = @ExampleObject(name = "return", value = ApiExamples.RETURN_RESULT)))
    @APIResponse(responseCode = "200", description = "Recorded before with this returnKey: the stored return",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordReturnResponse.class),
                    examples = @ExampleObject(name = "return", value = ApiExamples.RETURN_RESULT)))
    @APIResponse(responseCode = "400", description = "Malformed return (quantity <= 0, empty lines, bad key, ...)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such customer or purchase",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "returnKey already used for a different return",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "conflict", value = ApiExamples.RETURN_KEY_CONFLICT_PROBLEM)))
    @APIResponse(responseCode = "422", description = "More than remains, a SKU not in the purchase, or nothing left to return",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "too many", value = ApiExamples.RETURN_NOT_POSSIBLE_PROBLEM)))
    public Response recordReturn(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("customerId") String customerId,
            @Parameter(description = "The order id of the purchase",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OrderId.MAX_LENGTH))
            @PathParam("orderId") String orderId,
            @RequiredBody(message = "is required ({} returns everything still returnable)") RecordReturnRequest request) {
        RecordedReturn recorded = recordReturn.recordReturn(
                RecordReturnRequest.toCommand(request, Paging.customerId(customerId), orderId));
        RecordReturnResponse body = new RecordReturnResponse(
                PurchaseResponse.Return.of(recorded.purchaseReturn(), recorded.purchase()),
                PurchaseResponse.of(recorded.purchase()));
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK).entity(body).build();
    }
}
