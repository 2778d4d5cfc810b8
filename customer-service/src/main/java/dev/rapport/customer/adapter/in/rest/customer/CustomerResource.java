package dev.rapport.customer.adapter.in.rest.customer;

import dev.rapport.customer.adapter.in.rest.OpenApiBounds;

import dev.rapport.customer.adapter.in.rest.ApiExamples;
import dev.rapport.customer.adapter.in.rest.Paging;

import dev.rapport.http.EntityTags;
import dev.rapport.http.RequiredBody;

import dev.rapport.http.Cursors;

import static dev.rapport.customer.adapter.in.rest.ApiExamples.MERGE_PATCH_JSON;
import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.customer.application.port.in.customer.GetCustomerUseCase;
import dev.rapport.kernel.paging.Page;
import dev.rapport.customer.application.port.in.customer.RegisterCustomerUseCase;
import dev.rapport.customer.application.port.in.customer.SearchCustomersQuery;
import dev.rapport.customer.application.port.in.customer.SearchCustomersUseCase;
import dev.rapport.customer.application.port.in.customer.UpdateCustomerCommand;
import dev.rapport.customer.application.port.in.customer.UpdateCustomerUseCase;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerSearchCriteria;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;
import dev.rapport.http.ProblemDetail;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Customer records: profile, contact details, tags and custom fields")
public class CustomerResource {

    private final RegisterCustomerUseCase register;
    private final UpdateCustomerUseCase update;
    private final GetCustomerUseCase get;
    private final SearchCustomersUseCase search;
    private final Paging paging;

    CustomerResource(RegisterCustomerUseCase register, UpdateCustomerUseCase update, GetCustomerUseCase get,
                     SearchCustomersUseCase search, Paging paging) {
        this.register = register;
        this.update = update;
        this.get = get;
        this.search = search;
        this.paging = paging;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a customer",
            description = "E-mail is stored lower-case, phone as E.164, tags lower-case. E-mail, phone and "
                    + "externalId are unique. Publishes customer-registered.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateCustomerRequest.class),
            examples = @ExampleObject(name = "customer", value = ApiExamples.CREATE_CUSTOMER)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = { @Header(name = "Location", description = "URL of the new customer",
                    schema = @Schema(implementation = String.class, format = "uri-reference", maxLength = OpenApiBounds.LOCATION_MAX_LENGTH)),
                    @Header(name = "ETag", description = "Version of the customer, quoted",
                            schema = @Schema(implementation = String.class, maxLength = OpenApiBounds.ETAG_MAX_LENGTH, pattern = OpenApiBounds.ETAG_PATTERN)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class),
                    examples = @ExampleObject(name = "customer", value = ApiExamples.CUSTOMER)))
    @APIResponse(responseCode = "400", description = "Invalid fields, malformed JSON, wrong types or unknown properties",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = { @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM),
                            @ExampleObject(name = "malformed", value = ApiExamples.MALFORMED_PROBLEM) }))
    @APIResponse(responseCode = "409", description = "E-mail, phone or externalId belongs to another customer (existingCustomerId names it)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "duplicate", value = ApiExamples.DUPLICATE_PROBLEM)))
    @APIResponse(responseCode = "415", description = "Body is not application/json",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response create(@RequiredBody CreateCustomerRequest request) {
        Customer customer = register.register(request.toCommand());
        URI location = UriBuilder.fromResource(CustomerResource.class).path(customer.id().toString()).build();
        return Response.created(location)
                .header(HttpHeaders.ETAG, EntityTags.of(customer.version()))
                .entity(CustomerResponse.of(customer))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a customer", description = "Answers 304 when If-None-Match names the current ETag.")
    @APIResponse(responseCode = "200", description = "The customer",
            headers = @Header(name = "ETag", description = "Version of the customer, quoted",
                    schema = @Schema(implementation = String.class, maxLength = OpenApiBounds.ETAG_MAX_LENGTH, pattern = OpenApiBounds.ETAG_PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class),
                    examples = @ExampleObject(name = "customer", value = ApiExamples.CUSTOMER)))
    @APIResponse(responseCode = "304", description = "Not modified since the version in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public Response getById(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("id") String id,
            @Parameter(description = "ETag from an earlier read",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OpenApiBounds.HEADER_VALUE_MAX_LENGTH))
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Customer customer = get.get(Paging.customerId(id));
        String etag = EntityTags.of(customer.version());
        if (EntityTags.noneMatchHits(ifNoneMatch, customer.version())) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return Response.ok(CustomerResponse.of(customer)).header(HttpHeaders.ETAG, etag).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a customer (JSON merge patch)",
            description = "RFC 7396: omitted members stay, null removes, preferences/attributes merge key by key, "
                    + "tags are replaced. Send If-Match with the ETag to make the change conditional (412 if the "
                    + "customer changed meanwhile). A patch that changes nothing creates no version and no event; "
                    + "otherwise publishes customer-updated with the changed fields.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = CustomerPatchDocument.class),
                    examples = @ExampleObject(name = "patch", value = ApiExamples.PATCH_CUSTOMER)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerPatchDocument.class),
                    examples = @ExampleObject(name = "patch", value = ApiExamples.PATCH_CUSTOMER)) })
    @APIResponse(responseCode = "200", description = "The customer after the change",
            headers = @Header(name = "ETag", description = "New version, quoted",
                    schema = @Schema(implementation = String.class, maxLength = OpenApiBounds.ETAG_MAX_LENGTH, pattern = OpenApiBounds.ETAG_PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class),
                    examples = @ExampleObject(name = "customer", value = ApiExamples.CUSTOMER)))
    @APIResponse(responseCode = "400", description = "Invalid values, wrong types, read-only or unknown members",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "New e-mail, phone or externalId belongs to another customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "duplicate", value = ApiExamples.DUPLICATE_PROBLEM)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "stale", value = ApiExamples.STALE_PROBLEM)))
    @APIResponse(responseCode = "415", description = "Body is neither application/merge-patch+json nor application/json",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response patch(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("id") String id,
            @Parameter(description = "ETag of the version the change is based on; omit for an unconditional change",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OpenApiBounds.HEADER_VALUE_MAX_LENGTH))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JsonNode body) {
        UUID customerId = Paging.customerId(id);
        Customer customer = update.update(new UpdateCustomerCommand(customerId, EntityTags.expectedVersion(ifMatch),
                CustomerMergePatch.parse(body)));
        return Response.ok(CustomerResponse.of(customer))
                .header(HttpHeaders.ETAG, EntityTags.of(customer.version()))
                .build();
    }

    @GET
    @Operation(summary = "List and search customers",
            description = "Oldest first (createdAt, then id). All given filters must match. Cursor pagination: "
                    + "pass nextCursor of a page as cursor to get the next; it is null on the last page.")
    @APIResponse(responseCode = "200", description = "One page of customers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerPageResponse.class),
                    examples = @ExampleObject(name = "page", value = ApiExamples.CUSTOMER_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
                             "detail": "Request contains an invalid value", "instance": "/customers",
                             "errors": [{"field": "limit", "message": "must be an integer from 1 to 100"}]}""")))
    public CustomerPageResponse list(
            @Parameter(description = "Free text, case-insensitive, matched anywhere in first name, last name, e-mail or company",
                    schema = @Schema(type = SchemaType.STRING, maxLength = CustomerSearchCriteria.TEXT_MAX))
            @QueryParam("q") String q,
            @Parameter(description = "Exact e-mail (normalised like stored ones)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = EmailAddress.MAX_LENGTH)) @QueryParam("email") String email,
            @Parameter(description = "Phone in any format; normalised to E.164 before matching",
                    schema = @Schema(type = SchemaType.STRING, maxLength = PhoneNumber.INPUT_MAX_LENGTH)) @QueryParam("phone") String phone,
            @Parameter(description = "Customers carrying this tag",
                    schema = @Schema(type = SchemaType.STRING, maxLength = dev.rapport.customer.domain.customer.Tag.MAX_LENGTH))
            @QueryParam("tag") String tag,
            @Parameter(description = "Exact external id",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ExternalId.MAX_LENGTH))
            @QueryParam("externalId") String externalId,
            @Parameter(description = "Only customers created after this instant (ISO-8601 with offset)",
                    schema = @Schema(implementation = String.class, format = "date-time", maxLength = OpenApiBounds.DATE_TIME_MAX_LENGTH))
            @QueryParam("createdAfter") String createdAfter,
            @Parameter(description = "Page size, 1 to 100, default 20",
                    schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "100"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Cursors.MAX_LENGTH), in = ParameterIn.QUERY)
            @QueryParam("cursor") String cursor) {
        SearchCustomersQuery query = new SearchCustomersQuery(q, email, phone, tag, externalId,
                Paging.instant("createdAfter", createdAfter), paging.request(limit, cursor, Paging.CUSTOMERS_CURSOR));
        Page<Customer> page = search.search(query);
        return new CustomerPageResponse(page.items().stream().map(CustomerResponse::of).toList(),
                Cursors.encode(Paging.CUSTOMERS_CURSOR, page.next()));
    }
}
