package dev.rapport.customer.adapter.in.rest.engagement;

import dev.rapport.customer.adapter.in.rest.OpenApiBounds;

import dev.rapport.customer.adapter.in.rest.ApiExamples;
import dev.rapport.customer.adapter.in.rest.Paging;

import dev.rapport.customer.domain.engagement.IdempotencyKey;
import dev.rapport.http.Cursors;
import dev.rapport.http.RequiredBody;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.application.port.in.engagement.ListInteractionsUseCase;
import dev.rapport.customer.application.port.in.engagement.LogInteractionCommand;
import dev.rapport.customer.application.port.in.engagement.LogInteractionUseCase;
import dev.rapport.customer.application.port.in.engagement.LoggedInteraction;
import dev.rapport.kernel.paging.Page;
import dev.rapport.customer.domain.engagement.Interaction;
import dev.rapport.http.ProblemDetail;

@Path("/customers/{customerId}/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions", description = "The log of contacts with a customer")
public class InteractionResource {

    /** Cursor kind of this list, so a purchases cursor cannot page interactions. */
    static final String CURSOR_KIND = "i1";

    private final LogInteractionUseCase log;
    private final ListInteractionsUseCase list;
    private final Paging paging;

    InteractionResource(LogInteractionUseCase log, ListInteractionsUseCase list, Paging paging) {
        this.log = log;
        this.list = list;
        this.paging = paging;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log an interaction with the customer",
            description = "Publishes interaction-logged (without the summary: free text stays here). With an "
                    + "Idempotency-Key a retry answers 200 with the interaction logged the first time and publishes "
                    + "nothing; the same key with another channel, direction, summary or agent is a 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LogInteractionRequest.class),
            examples = @ExampleObject(name = "phone call", value = EngagementExamples.LOG_INTERACTION)))
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionResponse.class),
                    examples = @ExampleObject(name = "interaction", value = EngagementExamples.INTERACTION)))
    @APIResponse(responseCode = "200", description = "Logged before with this Idempotency-Key: the stored interaction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionResponse.class),
                    examples = @ExampleObject(name = "interaction", value = EngagementExamples.INTERACTION)))
    @APIResponse(responseCode = "400", description = "Unknown channel or direction, missing or too long summary or agent, "
            + "occurredAt in the future, malformed Idempotency-Key or JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = EngagementExamples.INTERACTION_VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key already used for a different interaction",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "conflict", value = EngagementExamples.IDEMPOTENCY_CONFLICT_PROBLEM)))
    public Response logInteraction(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("customerId") String customerId,
            @Parameter(description = "Client's key making retries safe: 1 to 100 visible ASCII characters, "
                    + "unique per customer", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequiredBody LogInteractionRequest request) {
        LoggedInteraction logged = log.log(new LogInteractionCommand(Paging.customerId(customerId), request.channel(),
                request.direction(), request.summary(), request.occurredAt(), request.agent(), idempotencyKey));
        return Response.status(logged.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(InteractionResponse.of(logged.interaction()))
                .build();
    }

    @GET
    @Operation(summary = "List a customer's interactions", description = "Newest first (occurredAt, then id), cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of interactions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionPageResponse.class),
                    examples = @ExampleObject(name = "page", value = EngagementExamples.INTERACTION_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public InteractionPageResponse listInteractions(
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
        Page<Interaction> page = list.list(id, paging.request(limit, cursor, CURSOR_KIND));
        return new InteractionPageResponse(page.items().stream().map(InteractionResponse::of).toList(),
                Cursors.encode(CURSOR_KIND, page.next()));
    }
}
