package dev.rapport.customer.adapter.in.rest.engagement;

import dev.rapport.customer.adapter.in.rest.OpenApiBounds;

import dev.rapport.customer.adapter.in.rest.ApiExamples;
import dev.rapport.customer.adapter.in.rest.Paging;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.net.URI;

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

import dev.rapport.customer.application.port.in.engagement.CreateFollowUpCommand;
import dev.rapport.customer.application.port.in.engagement.CreateFollowUpUseCase;
import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.http.Cursors;
import dev.rapport.http.RequiredBody;
import dev.rapport.http.ProblemDetail;

@Path("/customers/{customerId}/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups", description = "Tasks to get back to customers, with due time and owner")
public class CustomerFollowUpResource {

    private final CreateFollowUpUseCase create;
    private final FollowUpLists lists;

    CustomerFollowUpResource(CreateFollowUpUseCase create, FollowUpLists lists) {
        this.create = create;
        this.lists = lists;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a follow-up for a customer",
            description = "Give dueAt, or dueDate meaning 'by the end of that day' in the configured follow-up zone. "
                    + "A due time in the past is allowed (the task is overdue at once). Publishes no event.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateFollowUpRequest.class),
            examples = { @ExampleObject(name = "due at", value = EngagementExamples.CREATE_FOLLOW_UP),
                    @ExampleObject(name = "due date", value = "{\"title\": \"Send the catalogue\", \"dueDate\": \"2024-05-06\", \"owner\": \"j.smith\"}") }))
    @APIResponse(responseCode = "201", description = "Opened",
            headers = @Header(name = "Location", description = "URL of the follow-up",
                    schema = @Schema(implementation = String.class, format = "uri-reference", maxLength = OpenApiBounds.LOCATION_MAX_LENGTH)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpResponse.class),
                    examples = @ExampleObject(name = "follow-up", value = EngagementExamples.FOLLOW_UP)))
    @APIResponse(responseCode = "400", description = "Missing or too long title/owner/note, neither or both of dueAt and "
            + "dueDate, an interactionId that is not this customer's, malformed JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = EngagementExamples.FOLLOW_UP_VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public Response createFollowUp(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("customerId") String customerId,
            @RequiredBody CreateFollowUpRequest request) {
        FollowUp followUp = create.create(new CreateFollowUpCommand(Paging.customerId(customerId), request.title(),
                request.dueAt(), request.dueDate(), request.owner(), request.note(), request.interactionId()));
        URI location = UriBuilder.fromResource(FollowUpResource.class).path("{id}")
                .build(followUp.id().value());
        return Response.created(location).entity(lists.response(followUp)).build();
    }

    @GET
    @Operation(summary = "List a customer's follow-ups",
            description = "Same filters as GET /follow-ups (status defaults to open), ordered by due time then id.")
    @APIResponse(responseCode = "200", description = "One page of follow-ups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpPageResponse.class),
                    examples = @ExampleObject(name = "page", value = EngagementExamples.FOLLOW_UP_PAGE)))
    @APIResponse(responseCode = "400", description = "Unknown due window or status, invalid limit or cursor",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = EngagementExamples.FOLLOW_UP_QUERY_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public FollowUpPageResponse listCustomerFollowUps(
            @Parameter(description = "Customer id (UUID)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH))
            @PathParam("customerId") String customerId,
            @Parameter(description = "overdue, today or week (see GET /follow-ups)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "overdue", "today", "week" })) @QueryParam("due") String due,
            @Parameter(description = "Only this owner's",
                    schema = @Schema(type = SchemaType.STRING, maxLength = FollowUp.OWNER_MAX))
            @QueryParam("owner") String owner,
            @Parameter(description = "open (default), done or cancelled",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "open", "done", "cancelled" })) @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 100, default 20",
                    schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "100"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Cursors.MAX_LENGTH))
            @QueryParam("cursor") String cursor) {
        return lists.page(Paging.customerId(customerId), due, owner, status, limit, cursor);
    }
}
