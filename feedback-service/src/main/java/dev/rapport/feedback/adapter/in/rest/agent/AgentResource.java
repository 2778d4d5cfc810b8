package dev.rapport.feedback.adapter.in.rest.agent;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import dev.rapport.feedback.application.port.in.agent.ListAgentsUseCase;
import dev.rapport.feedback.application.port.in.agent.SaveAgentCommand;
import dev.rapport.feedback.application.port.in.agent.SaveAgentUseCase;
import dev.rapport.feedback.domain.agent.Agent;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.QueryParameters;
import dev.rapport.http.RequiredBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/complaints/agents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents", description = "Who handles complaints, and how many at once")
public class AgentResource {

    private final SaveAgentUseCase save;
    private final ListAgentsUseCase list;

    AgentResource(SaveAgentUseCase save, ListAgentsUseCase list) {
        this.save = save;
        this.list = list;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an agent",
            description = "An agent takes new complaints of the categories it covers while available and below its maximum "
                    + "of open complaints; among those who qualify, the least recently assigned gets the next one.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentResponse.class)))
    public Response add(@RequiredBody AgentRequest request) {
        Agent agent = save.add(command(null, request));
        return Response.created(UriBuilder.fromPath("/complaints/agents/{id}").build(agent.id()))
                .entity(AgentResponse.of(list.get(agent.id()))).build();
    }

    @GET
    @Operation(summary = "List agents with their open load",
            description = "Every agent with its team, categories, availability, maximum load and the number of complaints "
                    + "it has open now.")
    @APIResponse(responseCode = "200", description = "All agents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentListResponse.class)))
    public AgentListResponse list() {
        return new AgentListResponse(list.list().stream().map(AgentResponse::of).toList(), null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an agent",
            description = "The agent with the number of complaints it has open now.")
    @APIResponse(responseCode = "200", description = "The agent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such agent",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public AgentResponse get(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id) {
        return AgentResponse.of(list.get(QueryParameters.pathId("Agent", id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an agent's name, team, categories, availability and maximum load",
            description = "Applies to the next assignments; complaints already assigned stay with the agent.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such agent",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public AgentResponse replace(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id,
                                 @RequiredBody AgentRequest request) {
        UUID agentId = QueryParameters.pathId("Agent", id);
        Agent agent = save.replace(command(agentId, request));
        return AgentResponse.of(list.get(agent.id()));
    }

    private static SaveAgentCommand command(UUID id, AgentRequest request) {
        return new SaveAgentCommand(id, request.name(), request.team(), request.categories(), request.available(),
                request.maxOpen());
    }
}
