package dev.rapport.customer.adapter.in.rest.privacy;

import dev.rapport.customer.adapter.in.rest.OpenApiBounds;

import dev.rapport.customer.adapter.in.rest.ApiExamples;
import dev.rapport.customer.adapter.in.rest.Paging;

import dev.rapport.http.identity.CurrentCaller;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.application.port.in.privacy.EraseCustomerCommand;
import dev.rapport.customer.application.port.in.privacy.EraseCustomerUseCase;
import dev.rapport.customer.application.port.in.privacy.ErasureResult;
import dev.rapport.customer.application.port.in.privacy.ExportCustomerDataUseCase;
import dev.rapport.customer.application.port.in.privacy.GetErasureProgressUseCase;
import dev.rapport.customer.application.port.in.privacy.PersonalDataExport;
import dev.rapport.customer.adapter.in.rest.customer.CustomerResponse;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.privacy.Erasure;
import dev.rapport.http.ProblemDetail;

/** GDPR: export of everything held about a customer, erasure, and the erasure's confirmations. */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "GDPR access (export) and erasure of a customer's personal data")
public class PrivacyResource {

    /** "attachment; filename=customer-" + a UUID + ".json". */
    static final int CONTENT_DISPOSITION_LENGTH = 30 + OpenApiBounds.UUID_LENGTH + 5;

    private final ExportCustomerDataUseCase export;
    private final EraseCustomerUseCase erase;
    private final GetErasureProgressUseCase progress;

    private final CurrentCaller caller;

    PrivacyResource(ExportCustomerDataUseCase export, EraseCustomerUseCase erase, GetErasureProgressUseCase progress,
                    CurrentCaller caller) {
        this.export = export;
        this.erase = erase;
        this.progress = progress;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/export")
    @Operation(summary = "Export everything held about a customer",
            description = "One JSON document (GDPR access and portability): format, exportedAt, customerId and one "
                    + "member per kind of data this service holds (profile, purchases with lines and returns, and "
                    + "further sections such as consents and interactions). Served as a download.")
    @APIResponse(responseCode = "200", description = "The export",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=customer-<id>.json",
                    schema = @Schema(implementation = String.class, maxLength = CONTENT_DISPOSITION_LENGTH)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportDocument.class),
                    examples = @ExampleObject(name = "export", value = PrivacyExamples.EXPORT)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "410", description = "The customer was erased: nothing personal is left to export",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "erased", value = PrivacyExamples.ERASED_PROBLEM)))
    public Response export(@Parameter(description = "Customer id (UUID)", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH)) @PathParam("id") String id) {
        PersonalDataExport document = export.export(Paging.customerId(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("format", document.format());
        body.put("exportedAt", document.exportedAt());
        body.put("customerId", document.customerId());
        // The profile section is the customer record, written exactly as the API answers it.
        document.sections().forEach((name, section) -> body.put(name,
                section instanceof Customer customer ? CustomerResponse.of(customer) : section));
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=customer-" + document.customerId() + ".json")
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Erase a customer (GDPR)",
            description = "Replaces the personal data: names become \"erased\"; e-mail, phone, externalId, jobTitle, "
                    + "birthday, preferences, attributes, tags and return reasons are removed (e-mail, phone and "
                    + "externalId can be registered again). The record, company, acquisition channel and the purchases' "
                    + "amounts stay for aggregates. The request is audited (requester from the gateway's identity token, "
                    + "optional reason), customer-erased is published so every service erases its copy, and each "
                    + "answers with erasure-confirmed; follow them at Location. Repeating it answers the same erasure. "
                    + "Afterwards the customer answers 410.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services confirm later",
            headers = @Header(name = "Location", description = "/customers/{id}/erasure",
                    schema = @Schema(implementation = String.class, format = "uri-reference", maxLength = OpenApiBounds.LOCATION_MAX_LENGTH)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErasureResponse.class),
                    examples = @ExampleObject(name = "erasure", value = PrivacyExamples.ERASURE)))
    @APIResponse(responseCode = "400", description = "reason longer than 500 characters or with control characters",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public Response erase(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("id") String id,
            @Parameter(description = "Why the customer is erased (audit), at most 500 characters",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Erasure.REASON_MAX)) @QueryParam("reason") String reason) {
        UUID customerId = Paging.customerId(id);
        // The requester is the caller the gateway's token names, never a header a client could set.
        ErasureResult result = erase.erase(new EraseCustomerCommand(customerId, caller.principalOr(null), reason));
        URI location = UriBuilder.fromResource(PrivacyResource.class).path(customerId.toString()).path("erasure").build();
        return Response.accepted(ErasureResponse.of(progress.progress(customerId)))
                .location(location)
                .build();
    }

    @GET
    @Path("/{id}/erasure")
    @Operation(summary = "Follow a customer's erasure",
            description = "Which of the required services (rapport.customer.erasure.required-services) have confirmed "
                    + "erasing their copy; complete when none is pending.")
    @APIResponse(responseCode = "200", description = "The erasure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErasureResponse.class),
                    examples = @ExampleObject(name = "erasure", value = PrivacyExamples.ERASURE)))
    @APIResponse(responseCode = "404", description = "No such customer, or the customer was not erased",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not erased", value = PrivacyExamples.ERASURE_NOT_FOUND_PROBLEM)))
    public ErasureResponse erasure(@Parameter(description = "Customer id (UUID)", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH)) @PathParam("id") String id) {
        return ErasureResponse.of(progress.progress(Paging.customerId(id)));
    }

    /** Documentation only: the shape of the export (the resource writes the sections as a map). */
    @Schema(name = "CustomerExport", description = "Further sections (consents, interactions) appear as more members")
    record ExportDocument(
            @Schema(enumeration = PersonalDataExport.FORMAT) String format,
            java.time.Instant exportedAt,
            UUID customerId,
            @Schema(description = "The customer record with every field") CustomerResponse profile,
            @Schema(description = "Purchases, newest first, with lines and returns; no business limit, maxItems is "
                    + "the largest list the service can build", maxItems = Integer.MAX_VALUE) java.util.List<Object> purchases) {
    }
}
