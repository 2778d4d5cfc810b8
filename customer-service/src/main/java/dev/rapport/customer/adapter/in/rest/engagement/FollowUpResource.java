package dev.rapport.customer.adapter.in.rest.engagement;

import dev.rapport.customer.adapter.in.rest.OpenApiBounds;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.application.port.in.engagement.CloseFollowUpUseCase;
import dev.rapport.customer.application.port.in.engagement.GetFollowUpUseCase;
import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.http.Cursors;
import dev.rapport.http.ProblemDetail;

@Path("/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups", description = "Tasks to get back to customers, with due time and owner")
public class FollowUpResource {

    private final CloseFollowUpUseCase close;
    private final GetFollowUpUseCase get;
    private final FollowUpLists lists;

    FollowUpResource(CloseFollowUpUseCase close, GetFollowUpUseCase get, FollowUpLists lists) {
        this.close = close;
        this.get = get;
        this.lists = lists;
    }

    @GET
    @Operation(summary = "The follow-up work list across customers",
            description = "Ordered by due time then id, cursor pagination. status defaults to open. due: overdue = "
                    + "open and due before now; today = due on today's date; week = due from the start of today "
                    + "through the end of the sixth day after it (a rolling 7 days). Days are dates in the zone "
                    + "rapport.customer.follow-ups.zone (default UTC). due=overdue only combines with status=open.")
    @APIResponse(responseCode = "200", description = "One page of follow-ups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpPageResponse.class),
                    examples = @ExampleObject(name = "page", value = EngagementExamples.FOLLOW_UP_PAGE)))
    @APIResponse(responseCode = "400", description = "Unknown due window or status, too long owner, invalid limit or cursor",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = EngagementExamples.FOLLOW_UP_QUERY_PROBLEM)))
    public FollowUpPageResponse listFollowUps(
            @Parameter(description = "overdue, today or week",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "overdue", "today", "week" })) @QueryParam("due") String due,
            @Parameter(description = "Only this owner's (exact match)",
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
        return lists.page(null, due, owner, status, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one follow-up", description = "The follow-up with its status; overdue is computed "
            + "at the time of the answer.")
    @APIResponse(responseCode = "200", description = "The follow-up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpResponse.class),
                    examples = @ExampleObject(name = "follow-up", value = EngagementExamples.FOLLOW_UP)))
    @APIResponse(responseCode = "404", description = "No such follow-up",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = EngagementExamples.FOLLOW_UP_NOT_FOUND_PROBLEM)))
    public FollowUpResponse getFollowUp(@Parameter(description = "Follow-up id (UUID)", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH)) @PathParam("id") String id) {
        return lists.response(get.get(FollowUpLists.followUpId(id)));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Complete a follow-up",
            description = "Idempotent: completing a done follow-up answers it unchanged. A cancelled one cannot be completed.")
    @APIResponse(responseCode = "200", description = "The follow-up, now done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpResponse.class),
                    examples = @ExampleObject(name = "follow-up", value = EngagementExamples.FOLLOW_UP)))
    @APIResponse(responseCode = "404", description = "No such follow-up",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = EngagementExamples.FOLLOW_UP_NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "It was cancelled",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "cancelled", value = EngagementExamples.FOLLOW_UP_STATE_PROBLEM)))
    public FollowUpResponse completeFollowUp(@Parameter(description = "Follow-up id (UUID)", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH)) @PathParam("id") String id) {
        return lists.response(close.complete(FollowUpLists.followUpId(id)));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a follow-up",
            description = "Idempotent: cancelling a cancelled follow-up answers it unchanged. A done one cannot be cancelled.")
    @APIResponse(responseCode = "200", description = "The follow-up, now cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpResponse.class),
                    examples = @ExampleObject(name = "follow-up", value = EngagementExamples.FOLLOW_UP)))
    @APIResponse(responseCode = "404", description = "No such follow-up",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = EngagementExamples.FOLLOW_UP_NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "It was done",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public FollowUpResponse cancelFollowUp(@Parameter(description = "Follow-up id (UUID)", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = OpenApiBounds.UUID_LENGTH)) @PathParam("id") String id) {
        return lists.response(close.cancel(FollowUpLists.followUpId(id)));
    }
}
