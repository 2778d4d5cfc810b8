package dev.rapport.customer.adapter.in.rest.identity;

import dev.rapport.customer.adapter.in.rest.OpenApiBounds;

import dev.rapport.customer.adapter.in.rest.ApiExamples;
import dev.rapport.customer.adapter.in.rest.Paging;
import dev.rapport.customer.adapter.in.rest.customer.CreateCustomerRequest;
import dev.rapport.customer.adapter.in.rest.customer.CustomerResource;
import dev.rapport.customer.adapter.in.rest.customer.CustomerResponse;

import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.http.EntityTags;
import dev.rapport.http.RequiredBody;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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

import dev.rapport.customer.application.port.in.identity.FindDuplicatesUseCase;
import dev.rapport.customer.application.port.in.identity.MergeCustomersCommand;
import dev.rapport.customer.application.port.in.identity.MergeCustomersUseCase;
import dev.rapport.customer.application.port.in.customer.UpsertCustomerCommand;
import dev.rapport.customer.application.port.in.customer.UpsertCustomerUseCase;
import dev.rapport.customer.application.port.in.customer.UpsertedCustomer;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemException;

/** One person, one record: partners' upsert by external id, duplicate detection and merging. */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer identity", description = "Upsert by external id, likely duplicates, merging two records of one person")
public class CustomerIdentityResource {

    private final UpsertCustomerUseCase upsert;
    private final FindDuplicatesUseCase duplicates;
    private final MergeCustomersUseCase merge;

    CustomerIdentityResource(UpsertCustomerUseCase upsert, FindDuplicatesUseCase duplicates, MergeCustomersUseCase merge) {
        this.upsert = upsert;
        this.duplicates = duplicates;
        this.merge = merge;
    }

    @PUT
    @Path("/by-external-id/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a customer by the partner's external id",
            description = "The body is the create document; externalId comes from the path (a different one in the "
                    + "body is a 400). Unknown externalId: creates the customer (201, customer-registered). Known: "
                    + "PUT replaces the profile, so an omitted field becomes empty (tags, preferences and attributes "
                    + "too); id, referralCode, createdAt and purchases are never touched (referralCode may only repeat "
                    + "the stored one). A replacement that changes nothing answers 200 without a new version or event; "
                    + "otherwise customer-updated with the changed fields. With If-Match only the current version of "
                    + "an existing customer is replaced (412 otherwise, also when none exists).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateCustomerRequest.class),
            examples = @ExampleObject(name = "customer", value = IdentityApiExamples.UPSERT_CUSTOMER)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", description = "URL of the new customer",
                    schema = @Schema(implementation = String.class, format = "uri-reference", maxLength = OpenApiBounds.LOCATION_MAX_LENGTH)),
                    @Header(name = "ETag", description = "Version of the customer, quoted",
                            schema = @Schema(implementation = String.class, maxLength = OpenApiBounds.ETAG_MAX_LENGTH, pattern = OpenApiBounds.ETAG_PATTERN)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class),
                    examples = @ExampleObject(name = "customer", value = ApiExamples.CUSTOMER)))
    @APIResponse(responseCode = "200", description = "Existed: the customer after the replacement (unchanged if nothing differed)",
            headers = @Header(name = "ETag", description = "Version of the customer, quoted",
                    schema = @Schema(implementation = String.class, maxLength = OpenApiBounds.ETAG_MAX_LENGTH, pattern = OpenApiBounds.ETAG_PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class),
                    examples = @ExampleObject(name = "customer", value = ApiExamples.CUSTOMER)))
    @APIResponse(responseCode = "400", description = "Invalid fields, another externalId in the body, a changed referralCode, malformed JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = { @ExampleObject(name = "externalId mismatch", value = IdentityApiExamples.EXTERNAL_ID_MISMATCH_PROBLEM),
                            @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM) }))
    @APIResponse(responseCode = "409", description = "E-mail or phone belongs to another customer (existingCustomerId names it)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "duplicate", value = ApiExamples.DUPLICATE_PROBLEM)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version, or no customer exists yet",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = { @ExampleObject(name = "stale", value = ApiExamples.STALE_PROBLEM),
                            @ExampleObject(name = "no customer yet", value = IdentityApiExamples.NO_CURRENT_CUSTOMER_PROBLEM) }))
    @APIResponse(responseCode = "415", description = "Body is not application/json",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response upsertByExternalId(
            @Parameter(description = "The partner's id of the customer (1-100 characters, no whitespace)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ExternalId.MAX_LENGTH))
            @PathParam("externalId") String externalId,
            @Parameter(description = "ETag of the version being replaced; omit to create or replace unconditionally",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OpenApiBounds.HEADER_VALUE_MAX_LENGTH))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequiredBody CreateCustomerRequest request) {
        boolean conditional = ifMatch != null && !ifMatch.isBlank();
        UpsertedCustomer result = upsert.upsert(new UpsertCustomerCommand(externalId, conditional,
                EntityTags.expectedVersion(ifMatch), request.toCommand()));
        Customer customer = result.customer();
        Response.ResponseBuilder response = result.created()
                ? Response.created(customerUri(customer))
                : Response.ok();
        return response.header(HttpHeaders.ETAG, EntityTags.of(customer.version()))
                .entity(CustomerResponse.of(customer))
                .build();
    }

    @GET
    @Path("/{id}/duplicates")
    @Operation(summary = "Likely duplicates of a customer",
            description = "Other live customers (tombstones and the customer itself excluded) with the same e-mail "
                    + "(trimmed, lower-case), the same phone digits, or the same first name + last name + company "
                    + "(each trimmed, lower-case; only when the customer has all three). Each with its reasons and a "
                    + "score; most likely first, at most 50. Merge a real duplicate with POST /customers/{id}/merge.")
    @APIResponse(responseCode = "200", description = "Likely duplicates (possibly none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DuplicatesResponse.class),
                    examples = @ExampleObject(name = "duplicates", value = IdentityApiExamples.DUPLICATES)))
    @APIResponse(responseCode = "308", description = "The customer was merged: Location names the same request on the survivor",
            headers = @Header(name = "Location", description = "Same URL with the survivor's id",
                    schema = @Schema(implementation = String.class, format = "uri-reference", maxLength = OpenApiBounds.LOCATION_MAX_LENGTH)),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "merged", value = IdentityApiExamples.CUSTOMER_MERGED_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public DuplicatesResponse findDuplicates(@Parameter(description = "Customer id (UUID)", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH)) @PathParam("id") String id) {
        return DuplicatesResponse.of(duplicates.find(Paging.customerId(id)));
    }

    @POST
    @Path("/{survivorId}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge a duplicate into this customer",
            description = "One transaction. Fields: the survivor wins; its empty fields are filled from the duplicate "
                    + "(e-mail, phone and externalId included, which the duplicate releases); tags are united; "
                    + "preferences and attributes are united with the survivor's value on a shared key. Purchases (with "
                    + "their returns) move to the survivor. The duplicate becomes a tombstone: requests for it answer "
                    + "308 to the survivor, lists and searches no longer show it. The survivor gets a new version. "
                    + "Publishes customers-merged (subject = survivor) and, if fields were filled, customer-updated. "
                    + "If-Match makes it conditional on the survivor's version. Repeating a merge that already happened "
                    + "(same duplicate, same survivor) answers 200 with the survivor as it is and changes nothing, so a "
                    + "client may retry after a lost answer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MergeCustomersRequest.class),
            examples = @ExampleObject(name = "merge", value = IdentityApiExamples.MERGE)))
    @APIResponse(responseCode = "200", description = "Merged: the survivor afterwards",
            headers = @Header(name = "ETag", description = "New version of the survivor, quoted",
                    schema = @Schema(implementation = String.class, maxLength = OpenApiBounds.ETAG_MAX_LENGTH, pattern = OpenApiBounds.ETAG_PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class),
                    examples = @ExampleObject(name = "customer", value = ApiExamples.CUSTOMER)))
    @APIResponse(responseCode = "400", description = "Body missing, duplicateId missing or not a UUID, malformed JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = """
                            {"type": "https://rapport.dev/problems/validation", "title": "Invalid request", "status": 400,
                             "detail": "duplicateId must be a customer id (UUID)",
                             "instance": "/customers/0190f3c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d/merge",
                             "errors": [{"field": "duplicateId", "message": "must be a customer id (UUID)"}]}""")))
    @APIResponse(responseCode = "404", description = "Survivor or duplicate unknown; role says which",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "duplicate not found", value = IdentityApiExamples.MERGE_PARTY_NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Survivor or duplicate is already a tombstone (the duplicate of another survivor); mergedInto names where it went",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "already merged", value = IdentityApiExamples.ALREADY_MERGED_PROBLEM)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the survivor's current version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "stale", value = ApiExamples.STALE_PROBLEM)))
    @APIResponse(responseCode = "415", description = "Body is not application/json",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "422", description = "A customer merged into itself, or the merged customer would exceed a limit (50 tags, 50 entries)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "into itself", value = IdentityApiExamples.MERGE_NOT_POSSIBLE_PROBLEM)))
    public Response merge(
            @Parameter(description = "Id of the customer that stays (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("survivorId") String survivorId,
            @Parameter(description = "ETag of the survivor's version the merge is based on; omit for an unconditional merge",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OpenApiBounds.HEADER_VALUE_MAX_LENGTH))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequiredBody MergeCustomersRequest request) {
        UUID survivor = Paging.customerId(survivorId);
        Customer merged = merge.merge(new MergeCustomersCommand(survivor, duplicateId(request.duplicateId()),
                EntityTags.expectedVersion(ifMatch)));
        return Response.ok(CustomerResponse.of(merged))
                .header(HttpHeaders.ETAG, EntityTags.of(merged.version()))
                .build();
    }

    private static UUID duplicateId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badRequest("duplicateId", "is required");
        }
        try {
            UUID id = UUID.fromString(raw.strip());
            if (id.toString().equalsIgnoreCase(raw.strip())) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.badRequest("duplicateId", "must be a customer id (UUID)");
    }

    private static URI customerUri(Customer customer) {
        return UriBuilder.fromResource(CustomerResource.class).path(customer.id().toString()).build();
    }
}
