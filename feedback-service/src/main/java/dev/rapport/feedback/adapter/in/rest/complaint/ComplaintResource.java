package dev.rapport.feedback.adapter.in.rest.complaint;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import dev.rapport.feedback.adapter.in.rest.Paging;
import dev.rapport.feedback.application.port.in.complaint.AssignComplaintCommand;
import dev.rapport.feedback.application.port.in.complaint.AssignComplaintUseCase;
import dev.rapport.feedback.application.port.in.complaint.ChangeComplaintStatusCommand;
import dev.rapport.feedback.application.port.in.complaint.ChangeComplaintStatusUseCase;
import dev.rapport.feedback.application.port.in.complaint.GetComplaintUseCase;
import dev.rapport.feedback.application.port.in.complaint.ListComplaintsQuery;
import dev.rapport.feedback.application.port.in.complaint.ListComplaintsUseCase;
import dev.rapport.feedback.application.port.in.complaint.OpenComplaintCommand;
import dev.rapport.feedback.application.port.in.complaint.OpenComplaintUseCase;
import dev.rapport.feedback.domain.complaint.Complaint;
import dev.rapport.feedback.domain.complaint.ComplaintFilter;
import dev.rapport.feedback.domain.complaint.ComplaintStatus;
import dev.rapport.http.Cursors;
import dev.rapport.http.QueryParameters;
import dev.rapport.http.RequiredBody;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemException;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.paging.Page;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

@Path("/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints", description = "Service tickets with SLA clocks")
public class ComplaintResource {

    static final String CURSOR_KIND = "k1";

    private final OpenComplaintUseCase open;
    private final ChangeComplaintStatusUseCase change;
    private final GetComplaintUseCase get;
    private final ListComplaintsUseCase list;
    private final AssignComplaintUseCase assign;
    private final Paging paging;
    private final Clock clock;

    ComplaintResource(OpenComplaintUseCase open, ChangeComplaintStatusUseCase change, GetComplaintUseCase get,
                      ListComplaintsUseCase list, AssignComplaintUseCase assign, Paging paging, Clock clock) {
        this.open = open;
        this.change = change;
        this.get = get;
        this.list = list;
        this.assign = assign;
        this.paging = paging;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a complaint",
            description = "Sets the SLA deadlines (first response 24 h by default, resolution by priority), assigns it "
                    + "round-robin to an available agent of the category's team when there is one, and publishes "
                    + "complaint-opened (and complaint-assigned).")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintResponse.class)))
    public Response open(@RequiredBody OpenComplaintRequest request) {
        Complaint complaint = open.open(new OpenComplaintCommand(request.customerId(), request.channel(),
                request.category(), request.priority(), request.subject(), request.description()));
        return Response.created(UriBuilder.fromPath("/complaints/{id}").build(complaint.id()))
                .entity(ComplaintResponse.of(complaint, clock.instant())).build();
    }

    @GET
    @Operation(summary = "List complaints, newest first",
            description = "Filters combine: status (open = every status before resolved), assignee, breached, open "
                    + "complaints whose next deadline is before dueBefore, customer; cursor paged. Each item carries "
                    + "its SLA deadlines and breach flags.")
    @APIResponse(responseCode = "200", description = "A page of complaints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintPageResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public ComplaintPageResponse list(
            @Parameter(description = "one status, or open for every status before resolved",
                    schema = @Schema(maxLength = 20, enumeration = {"open", "new", "acknowledged", "in-progress",
                    "waiting-on-customer", "resolved", "closed"})) @QueryParam("status") String status,
            @Parameter(description = "agent id", schema = @Schema(format = "uuid", maxLength = 36)) @QueryParam("assignee") String assignee,
            @Parameter(description = "any SLA deadline breached (true) or none (false)", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("breached") String breached,
            @Parameter(description = "open complaints whose next deadline is before this instant",
                    schema = @Schema(format = "date-time", maxLength = 40)) @QueryParam("dueBefore") String dueBefore,
            @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @QueryParam("customerId") String customerId,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") String limit,
            @Parameter(schema = @Schema(maxLength = 200)) @QueryParam("cursor") String cursor) {
        java.util.Set<ComplaintStatus> parsedStatus = java.util.Set.of();
        if (status != null && !status.isBlank()) {
            if (status.strip().equals("open")) {
                parsedStatus = java.util.Arrays.stream(ComplaintStatus.values()).filter(ComplaintStatus::isOpen)
                        .collect(java.util.stream.Collectors.toSet());
            } else {
                try {
                    parsedStatus = java.util.Set.of(ComplaintStatus.parse(status.strip()));
                } catch (InvalidValueException e) {
                    throw ProblemException.badRequest("status", "must be open or " + e.getMessage());
                }
            }
        }
        Boolean parsedBreached = null;
        if (breached != null && !breached.isBlank()) {
            if (!breached.equals("true") && !breached.equals("false")) {
                throw ProblemException.badRequest("breached", "must be true or false");
            }
            parsedBreached = Boolean.valueOf(breached);
        }
        ComplaintFilter filter = new ComplaintFilter(parsedStatus, QueryParameters.uuid("assignee", assignee), parsedBreached,
                QueryParameters.instant("dueBefore", dueBefore), QueryParameters.uuid("customerId", customerId), clock.instant());
        Page<Complaint> page = list.list(new ListComplaintsQuery(filter, paging.request(limit, cursor, CURSOR_KIND)));
        var now = clock.instant();
        return new ComplaintPageResponse(page.items().stream().map(c -> ComplaintResponse.of(c, now)).toList(),
                page.next() == null ? null : Cursors.encode(CURSOR_KIND, page.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a complaint with its history",
            description = "The service class fixed at opening (key-account, top-tier or standard), the first-response and "
                    + "resolution deadlines with their breach flags, the assignee and every status change with its time"
                    + " and note.")
    @APIResponse(responseCode = "200", description = "The complaint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "404", description = "No such complaint",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public ComplaintResponse get(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id) {
        return ComplaintResponse.of(get.get(QueryParameters.pathId("Complaint", id)), clock.instant());
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a complaint to its next status",
            description = "new -> acknowledged (the first response) -> in-progress <-> waiting-on-customer (SLA clock "
                    + "paused) -> resolved -> closed; resolved -> in-progress reopens. Publishes complaint-first-response, "
                    + "complaint-resolved or complaint-reopened.")
    @APIResponse(responseCode = "200", description = "Moved; the complaint with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown status, too long note, malformed JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such complaint",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "The life cycle does not allow this move from the current status",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public ComplaintResponse transition(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id,
                                        @RequiredBody ChangeStatusRequest request) {
        var complaintId = QueryParameters.pathId("Complaint", id);
        Complaint complaint = change.change(new ChangeComplaintStatusCommand(complaintId, request.status(), request.note()));
        return ComplaintResponse.of(complaint, clock.instant());
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reassign a complaint to an agent by hand",
            description = "A supervisor's decision: the agent's availability and load are not checked. Publishes complaint-assigned.")
    @APIResponse(responseCode = "200", description = "Assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown agent, malformed JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such complaint",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "The complaint is closed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public ComplaintResponse assign(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id,
                                    @RequiredBody AssignRequest request) {
        var complaintId = QueryParameters.pathId("Complaint", id);
        return ComplaintResponse.of(assign.assign(new AssignComplaintCommand(complaintId, request.agentId())), clock.instant());
    }
}
