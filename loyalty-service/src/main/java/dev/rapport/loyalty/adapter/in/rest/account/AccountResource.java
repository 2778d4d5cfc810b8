package dev.rapport.loyalty.adapter.in.rest.account;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.http.Cursors;
import dev.rapport.http.RequiredBody;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemException;
import dev.rapport.http.identity.CurrentCaller;
import dev.rapport.http.QueryParameters;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.application.port.in.account.AdjustPointsCommand;
import dev.rapport.loyalty.application.port.in.account.AdjustPointsUseCase;
import dev.rapport.loyalty.application.port.in.account.GetAccountQuery;
import dev.rapport.loyalty.application.port.in.account.GetAccountUseCase;
import dev.rapport.loyalty.application.port.in.account.ListLedgerQuery;
import dev.rapport.loyalty.application.port.in.account.ListLedgerUseCase;
import dev.rapport.loyalty.application.port.in.account.RedeemPointsCommand;
import dev.rapport.loyalty.application.port.in.account.RedeemPointsUseCase;
import dev.rapport.loyalty.application.port.in.referral.ListReferralsQuery;
import dev.rapport.loyalty.application.port.in.referral.ListReferralsUseCase;
import dev.rapport.loyalty.config.LoyaltyConfig;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.referral.Referral;

@Path("/loyalty/accounts/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loyalty accounts", description = "Balances, the points ledger, redemptions, adjustments and referrals")
public class AccountResource {

    static final String LEDGER_CURSOR = "l1";
    static final String REFERRAL_CURSOR = "r1";
    static final String ACCOUNT = "Loyalty account";

    private final GetAccountUseCase get;
    private final ListLedgerUseCase ledger;
    private final RedeemPointsUseCase redeem;
    private final AdjustPointsUseCase adjust;
    private final ListReferralsUseCase referrals;
    private final LoyaltyConfig config;
    private final CurrentCaller caller;

    AccountResource(GetAccountUseCase get, ListLedgerUseCase ledger, RedeemPointsUseCase redeem, AdjustPointsUseCase adjust,
                    ListReferralsUseCase referrals, LoyaltyConfig config, CurrentCaller caller) {
        this.caller = caller;
        this.get = get;
        this.ledger = ledger;
        this.redeem = redeem;
        this.adjust = adjust;
        this.referrals = referrals;
        this.config = config;
    }

    @GET
    @Operation(summary = "A member's loyalty account: balances, tier, benefits, progress, referral code, next expiry",
            description = "Pending points become available when the return window after their purchase ends (computed at "
                    + "read time); the balance always equals the sum of the ledger. 404 for a customer without an "
                    + "account.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "404", description = "No loyalty account for that customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public AccountResponse getAccount(@PathParam("customerId") @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) String customerId) {
        return AccountResponse.of(get.get(new GetAccountQuery(QueryParameters.pathId(ACCOUNT, customerId))));
    }

    @GET
    @Path("/ledger")
    @Operation(summary = "The account's ledger, oldest first, with the running balance (cursor paged)",
            description = "Every entry ever written (entries are never changed): earn, redeem, expire, adjust, reverse, "
                    + "referral and birthday bonuses, merges; each with its signed points, reason, source (order, event"
                    + " or agent) and the balance after it.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerPageResponse.class)))
    @APIResponse(responseCode = "404", description = "No loyalty account for that customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public LedgerPageResponse listLedger(@PathParam("customerId") @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) String customerId,
                                     @QueryParam("limit") @Parameter(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "100")) String limit,
                                     @QueryParam("cursor") @Parameter(schema = @Schema(maxLength = 200)) String cursor) {
        UUID id = QueryParameters.pathId(ACCOUNT, customerId);
        PageRequest page = QueryParameters.page(limit, cursor, LEDGER_CURSOR, config.paging().defaultLimit(),
                config.paging().maxLimit());
        Page<LedgerEntry> entries = ledger.list(new ListLedgerQuery(id, page));
        return new LedgerPageResponse(entries.items().stream().map(LedgerEntryResponse::of).toList(),
                Cursors.encode(LEDGER_CURSOR, entries.next()));
    }

    @POST
    @Path("/redemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Redeem points or a reward (Idempotency-Key required)",
            description = "Spends available points, oldest expiry first, under the account's lock: concurrent "
                    + "redemptions never overspend. The same Idempotency-Key with the same body answers the stored "
                    + "redemption again; with another body it is refused (422).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RedemptionRequest.class)))
    @APIResponse(responseCode = "201", description = "Redeemed (or the stored answer of this key)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RedemptionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such account or reward",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Insufficient points (with available), reward out of stock, account closed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body; reward not available or tier too low",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response redeemPoints(@PathParam("customerId") @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) String customerId,
                           @HeaderParam("Idempotency-Key") @Parameter(in = ParameterIn.HEADER, required = true,
                                   schema = @Schema(maxLength = 200)) String idempotencyKey,
                           @RequiredBody(message = "a JSON object with points or rewardId is required") RedemptionRequest request) {
        UUID id = QueryParameters.pathId(ACCOUNT, customerId);
        UUID rewardId = null;
        if (request.rewardId() != null) {
            rewardId = QueryParameters.uuidOrNull(request.rewardId());
            if (rewardId == null) {
                throw ProblemException.badRequest("rewardId", "must be a UUID");
            }
        }
        var redemption = redeem.redeem(new RedeemPointsCommand(id, idempotencyKey, request.points(), rewardId,
                request.reason()));
        return Response.status(201).entity(RedemptionResponse.of(redemption)).build();
    }

    @POST
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adjust points (agents): audited with the reason and the agent",
            description = "The agent is the caller named by the gateway's identity token.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdjustmentRequest.class)))
    @APIResponse(responseCode = "201", description = "The ledger entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerEntryResponse.class)))
    @APIResponse(responseCode = "404", description = "No loyalty account for that customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "A debit beyond the available points, or the account is closed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response adjustPoints(@PathParam("customerId") @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) String customerId,
                           @RequiredBody(message = "a JSON object with points and reason is required") AdjustmentRequest request) {
        // The agent is who the gateway's token names, never a header a client could set.
        String agent = caller.principalOr(null);
        UUID id = QueryParameters.pathId(ACCOUNT, customerId);
        LedgerEntry entry = adjust.adjust(new AdjustPointsCommand(id, request.points(), request.reason(), agent));
        return Response.status(201).entity(LedgerEntryResponse.of(entry)).build();
    }

    @GET
    @Path("/referrals")
    @Operation(summary = "Referrals where the customer is advocate or referee, with typed rejection reasons",
            description = "A referral completes on the referee's first counting purchase, when both receive their bonus; a "
                    + "rejected one names why: unknown code, self-referral, already referred, usage limit reached or "
                    + "code expired.")
    @APIResponse(responseCode = "200", description = "A page of referrals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralResponse.PageResponse.class)))
    @APIResponse(responseCode = "404", description = "No loyalty account for that customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public ReferralResponse.PageResponse listReferrals(
            @PathParam("customerId") @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) String customerId,
            @QueryParam("limit") @Parameter(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "100")) String limit,
            @QueryParam("cursor") @Parameter(schema = @Schema(maxLength = 200)) String cursor) {
        UUID id = QueryParameters.pathId(ACCOUNT, customerId);
        PageRequest page = QueryParameters.page(limit, cursor, REFERRAL_CURSOR, config.paging().defaultLimit(),
                config.paging().maxLimit());
        Page<Referral> found = referrals.list(new ListReferralsQuery(id, page));
        return new ReferralResponse.PageResponse(found.items().stream().map(r -> ReferralResponse.of(r, id)).toList(),
                Cursors.encode(REFERRAL_CURSOR, found.next()));
    }
}
