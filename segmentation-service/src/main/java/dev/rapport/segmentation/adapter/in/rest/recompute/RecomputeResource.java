package dev.rapport.segmentation.adapter.in.rest.recompute;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.http.ProblemDetail;
import dev.rapport.http.QueryParameters;
import dev.rapport.segmentation.application.port.in.recompute.GetRecomputeJobQuery;
import dev.rapport.segmentation.application.port.in.recompute.GetRecomputeJobUseCase;
import dev.rapport.segmentation.application.port.in.recompute.StartRecomputeCommand;
import dev.rapport.segmentation.application.port.in.recompute.StartRecomputeUseCase;
import dev.rapport.segmentation.domain.recompute.RecomputeJob;
import dev.rapport.segmentation.domain.recompute.RecomputeJobNotFoundException;

@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recompute", description = "Full recompute of every customer's scores")
public class RecomputeResource {

    private final StartRecomputeUseCase start;
    private final GetRecomputeJobUseCase get;

    RecomputeResource(StartRecomputeUseCase start, GetRecomputeJobUseCase get) {
        this.start = start;
        this.get = get;
    }

    @POST
    @Path("/recompute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a full recompute",
            description = "Re-derives every customer as of asOf into a new run; readers see the previous run until "
                    + "the new one is complete. Jobs run one at a time in request order.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecomputeRequest.class)))
    @APIResponse(responseCode = "202", description = "Queued",
            headers = @Header(name = "Location", description = "URL of the job", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecomputeJobResponse.class)))
    @APIResponse(responseCode = "400", description = "asOf malformed or after tomorrow",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response recompute(RecomputeRequest request) {
        java.time.LocalDate asOf = request == null || request.asOf() == null ? null
                : QueryParameters.date("asOf", request.asOf());
        RecomputeJob job = start.start(new StartRecomputeCommand(asOf));
        return Response.accepted(RecomputeJobResponse.of(job)).location(URI.create("/segments/jobs/" + job.id())).build();
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "A recompute job's progress",
            description = "Status queued, running, succeeded or failed; the phase and progress 0–100 while it runs; the "
                    + "customers scored once it succeeded. Readers see the previous scores until the job succeeds.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecomputeJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public RecomputeJobResponse job(@Parameter(description = "Job id (UUID)", schema = @Schema(maxLength = 36))
            @PathParam("id") String id) {
        UUID jobId = QueryParameters.uuidOrNull(id);
        if (jobId == null) {
            throw new RecomputeJobNotFoundException(id);
        }
        return RecomputeJobResponse.of(get.get(new GetRecomputeJobQuery(jobId)));
    }
}
