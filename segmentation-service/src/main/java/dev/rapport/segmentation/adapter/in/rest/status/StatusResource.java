package dev.rapport.segmentation.adapter.in.rest.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.segmentation.application.port.in.status.GetStatusUseCase;

@Path("/segments/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "How far segmentation has read the other services' events")
public class StatusResource {

    private final GetStatusUseCase status;

    StatusResource(GetStatusUseCase status) {
        this.status = status;
    }

    @GET
    @Operation(summary = "Events processed per topic, consumer lag, last event time",
            description = "Lag 0 on every topic means segmentation has caught up with what was published.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusResponse.class)))
    public StatusResponse status() {
        return StatusResponse.of(status.status());
    }
}
