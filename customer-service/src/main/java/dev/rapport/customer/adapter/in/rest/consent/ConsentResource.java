package dev.rapport.customer.adapter.in.rest.consent;

import dev.rapport.customer.adapter.in.rest.OpenApiBounds;

import dev.rapport.customer.adapter.in.rest.ApiExamples;
import dev.rapport.customer.adapter.in.rest.Paging;
import dev.rapport.customer.adapter.in.rest.engagement.EngagementExamples;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.application.port.in.consent.GetConsentsUseCase;
import dev.rapport.customer.application.port.in.consent.RecordConsentCommand;
import dev.rapport.customer.application.port.in.consent.RecordConsentUseCase;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.RequiredBody;
import dev.rapport.http.ProblemException;

@Path("/customers/{customerId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "What a customer allows, per channel and purpose, with the full history")
public class ConsentResource {

    private final RecordConsentUseCase record;
    private final GetConsentsUseCase get;

    ConsentResource(RecordConsentUseCase record, GetConsentsUseCase get) {
        this.record = record;
        this.get = get;
    }

    @PUT
    @Path("/{channel}/{purpose}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a consent statement for one channel and purpose",
            description = "Appends to the history (every call, even one repeating the current status: it is "
                    + "evidence). The current consent is the statement with the latest capturedAt (then the one "
                    + "recorded last). Publishes consent-changed only when the current status of this channel "
                    + "and purpose changes. Answers the current consent, which for a back-dated statement may "
                    + "be an earlier, later-captured one.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecordConsentRequest.class),
            examples = @ExampleObject(name = "granted", value = EngagementExamples.RECORD_CONSENT)))
    @APIResponse(responseCode = "200", description = "Recorded; the current consent of this channel and purpose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentResponse.class),
                    examples = @ExampleObject(name = "consent", value = EngagementExamples.CONSENT)))
    @APIResponse(responseCode = "400", description = "Unknown channel, purpose or status, missing or too long source, "
            + "capturedAt in the future, malformed JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = EngagementExamples.CONSENT_VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public ConsentResponse recordConsent(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("customerId") String customerId,
            @Parameter(description = "email, sms, phone or post",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "email", "sms", "phone", "post" })) @PathParam("channel") String channel,
            @Parameter(description = "marketing, service or profiling",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "marketing", "service", "profiling" })) @PathParam("purpose") String purpose,
            @RequiredBody RecordConsentRequest request) {
        UUID id = Paging.customerId(customerId);
        return ConsentResponse.of(record.record(new RecordConsentCommand(id, channel, purpose, request.status(),
                request.source(), request.capturedAt())));
    }

    @GET
    @Operation(summary = "A customer's consents: current state, or the full history",
            description = "Without history: the current consent of every channel and purpose that has a statement "
                    + "(none means no consent), ordered by channel then purpose. With history=true: every "
                    + "statement, newest first (capturedAt, then recorded last first). Complete lists, not paged.")
    @APIResponse(responseCode = "200", description = "Current consents or the history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentListResponse.class),
                    examples = { @ExampleObject(name = "current", value = EngagementExamples.CONSENT_LIST),
                            @ExampleObject(name = "history", value = EngagementExamples.CONSENT_HISTORY) }))
    @APIResponse(responseCode = "400", description = "history is not true or false",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public ConsentListResponse listConsents(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("customerId") String customerId,
            @Parameter(description = "true for every statement ever recorded, newest first",
                    schema = @Schema(implementation = Boolean.class, defaultValue = "false"))
            @QueryParam("history") String history) {
        UUID id = Paging.customerId(customerId);
        boolean wantHistory = switch (history == null ? "" : history.strip()) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw ProblemException.badRequest("history", "must be true or false");
        };
        var records = wantHistory ? get.history(id) : get.current(id).current();
        return new ConsentListResponse(records.stream().map(ConsentResponse::of).toList());
    }
}
