package dev.rapport.loyalty.adapter.in.rest.reward;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.http.Cursors;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.QueryParameters;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.paging.Page;
import dev.rapport.loyalty.application.port.in.reward.ManageRewardsUseCase;
import dev.rapport.loyalty.application.port.in.reward.SaveRewardCommand;
import dev.rapport.loyalty.config.LoyaltyConfig;
import dev.rapport.loyalty.domain.reward.Reward;

@Path("/loyalty/rewards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rewards", description = "The rewards catalogue")
public class RewardResource {

    static final String CURSOR = "w1";

    private final ManageRewardsUseCase rewards;
    private final LoyaltyConfig config;

    RewardResource(ManageRewardsUseCase rewards, LoyaltyConfig config) {
        this.rewards = rewards;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a reward to the catalogue",
            description = "A reward costs points, may have a limited stock (null: unlimited), a validity window and a "
                    + "minimum tier; members redeem it through the account's redemptions.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RewardRequest.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardResponse.class)))
    @APIResponse(responseCode = "422", description = "Unknown minimum tier",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response createReward(RewardRequest request) {
        Reward reward = rewards.create(command(null, request));
        return Response.created(URI.create("/loyalty/rewards/" + reward.id())).entity(RewardResponse.of(reward)).build();
    }

    @GET
    @Operation(summary = "The catalogue, oldest first (cursor paged)",
            description = "Active rewards, including those out of stock or outside their validity window; removed rewards "
                    + "are not listed.")
    @APIResponse(responseCode = "200", description = "A page of rewards",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardResponse.PageResponse.class)))
    public RewardResponse.PageResponse listRewards(
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) String limit,
            @QueryParam("cursor") @Parameter(schema = @Schema(maxLength = 200)) String cursor) {
        Page<Reward> page = rewards.list(QueryParameters.page(limit, cursor, CURSOR, config.paging().defaultLimit(),
                config.paging().maxLimit()));
        return new RewardResponse.PageResponse(page.items().stream().map(RewardResponse::of).toList(),
                Cursors.encode(CURSOR, page.next()));
    }

    @GET
    @Path("/{rewardId}")
    @Operation(summary = "One reward",
            description = "The reward's cost, stock left, validity window and minimum tier.")
    @APIResponse(responseCode = "200", description = "The reward",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardResponse.class)))
    @APIResponse(responseCode = "404", description = "No such reward",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public RewardResponse getReward(@PathParam("rewardId") @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) String rewardId) {
        return RewardResponse.of(rewards.get(QueryParameters.pathId("Reward", rewardId)));
    }

    @PUT
    @Path("/{rewardId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a reward",
            description = "Changes apply to later redemptions; points already spent on the reward are not touched.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RewardRequest.class)))
    @APIResponse(responseCode = "200", description = "The reward",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardResponse.class)))
    @APIResponse(responseCode = "404", description = "No such reward",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "422", description = "Unknown minimum tier",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public RewardResponse replaceReward(@PathParam("rewardId") @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) String rewardId,
                                  RewardRequest request) {
        UUID id = QueryParameters.pathId("Reward", rewardId);
        return RewardResponse.of(rewards.replace(command(id, request)));
    }

    @DELETE
    @Path("/{rewardId}")
    @Operation(summary = "Remove a reward from the catalogue",
            description = "The reward can no longer be redeemed; ledger entries of earlier redemptions keep naming it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such reward",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response deleteReward(@PathParam("rewardId") @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) String rewardId) {
        rewards.delete(QueryParameters.pathId("Reward", rewardId));
        return Response.noContent().build();
    }

    private static SaveRewardCommand command(UUID id, RewardRequest r) {
        if (r == null) {
            throw InvalidInputException.of("body", "a reward document is required");
        }
        return new SaveRewardCommand(id, r.name(), r.description(), r.pointsCost(), r.stock(), r.validFrom(),
                r.validUntil(), r.minimumTier());
    }
}
