package dev.rapport.loyalty.adapter.in.rest.program;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.http.ProblemDetail;
import dev.rapport.loyalty.application.port.in.program.ChangeProgramCommand;
import dev.rapport.loyalty.application.port.in.program.ChangeProgramUseCase;
import dev.rapport.loyalty.application.port.in.program.GetProgramUseCase;
import dev.rapport.loyalty.domain.program.ProgramOverview;

@Path("/loyalty/program")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loyalty program", description = "Earn rate, tiers, bonuses and expiry, versioned by effective date")
public class ProgramResource {

    private final GetProgramUseCase get;
    private final ChangeProgramUseCase change;

    ProgramResource(GetProgramUseCase get, ChangeProgramUseCase change) {
        this.get = get;
        this.change = change;
    }

    @GET
    @Operation(summary = "The program in force now and the versions scheduled after it",
            description = "Earn rates, rounding, pending and expiry periods, tiers with their benefits, referral and "
                    + "birthday bonuses. Points are always earned under the version in force on the purchase's date.")
    @APIResponse(responseCode = "200", description = "The program",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramOverviewResponse.class)))
    public ProgramOverviewResponse getProgram() {
        ProgramOverview overview = get.get();
        return new ProgramOverviewResponse(ProgramDocument.of(overview.current()),
                overview.upcoming().stream().map(ProgramDocument::of).toList());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a new program version from an effective date",
            description = "Adds a version; earlier versions, and points earned under them, are never rewritten. "
                    + "Purchases are earned by the version in force on their date.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgramDocument.class)))
    @APIResponse(responseCode = "201", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramDocument.class)))
    @APIResponse(responseCode = "422", description = "effectiveFrom is in the past",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response changeProgram(ProgramDocument document) {
        if (document == null) {
            throw ProgramDocument.missingBody();
        }
        var version = change.change(new ChangeProgramCommand(document.effectiveFrom(), document.toRules()));
        return Response.status(201).entity(ProgramDocument.of(version)).build();
    }
}
