package dev.rapport.segmentation.adapter.in.rest.score;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.http.Cursors;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.QueryParameters;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.WireNames;
import dev.rapport.kernel.paging.Page;
import dev.rapport.segmentation.adapter.in.rest.Problems;
import dev.rapport.segmentation.application.port.in.score.GetCustomerSegmentsQuery;
import dev.rapport.segmentation.application.port.in.score.GetCustomerSegmentsUseCase;
import dev.rapport.segmentation.application.port.in.score.GetRfmGridUseCase;
import dev.rapport.segmentation.application.port.in.score.GetSegmentSummaryUseCase;
import dev.rapport.segmentation.application.port.in.score.ListCustomerSegmentsQuery;
import dev.rapport.segmentation.application.port.in.score.ListCustomerSegmentsUseCase;
import dev.rapport.segmentation.config.SegmentationConfig;
import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerNotScoredException;
import dev.rapport.segmentation.application.port.in.score.CustomerSegmentsView;
import dev.rapport.segmentation.domain.lifecycle.ChurnLevel;
import dev.rapport.segmentation.domain.lifecycle.LifecycleStage;
import dev.rapport.segmentation.domain.score.Segment;

@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "RFM scores and segments, ABC classes")
public class SegmentResource {

    static final String CURSOR_KIND = "s1";

    private final GetCustomerSegmentsUseCase get;
    private final ListCustomerSegmentsUseCase list;
    private final GetSegmentSummaryUseCase summary;
    private final GetRfmGridUseCase grid;
    private final SegmentationConfig config;

    SegmentResource(GetCustomerSegmentsUseCase get, ListCustomerSegmentsUseCase list, GetSegmentSummaryUseCase summary,
            GetRfmGridUseCase grid, SegmentationConfig config) {
        this.get = get;
        this.list = list;
        this.summary = summary;
        this.grid = grid;
        this.config = config;
    }

    @GET
    @Path("/customers/{customerId}")
    @Operation(summary = "One customer's segmentation",
            description = "Recency, frequency, monetary, the R/F/M scores, the RFM segment and the ABC class in the "
                    + "current run. A known customer without a counting purchase has null scores.")
    @APIResponse(responseCode = "200", description = "The customer's segmentation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustomerSegmentsResponse.class)))
    @APIResponse(responseCode = "404", description = "No event has named this customer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not found", value = Problems.NOT_FOUND)))
    public CustomerSegmentsResponse customer(
            @Parameter(description = "Customer id (UUID)", schema = @Schema(maxLength = 36))
            @PathParam("customerId") String customerId) {
        UUID id = QueryParameters.uuidOrNull(customerId);
        if (id == null) {
            throw new CustomerNotScoredException(customerId);
        }
        return CustomerSegmentsResponse.of(get.get(new GetCustomerSegmentsQuery(id)), config.currency());
    }

    @GET
    @Path("/customers")
    @Operation(summary = "List scored customers",
            description = "Customers with counting purchases in the current run, by customer id, filtered; cursor "
                    + "pagination, up to 1000 per page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustomerSegmentsPageResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown segment or class, invalid limit or cursor",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "validation", value = Problems.BAD_QUERY)))
    public CustomerSegmentsPageResponse customers(
            @Parameter(description = "RFM segment", schema = @Schema(maxLength = 32)) @QueryParam("segment") String segment,
            @Parameter(description = "A, B or C", schema = @Schema(maxLength = 1)) @QueryParam("abcClass") String abcClass,
            @Parameter(description = "Exact external id", schema = @Schema(maxLength = 200))
            @QueryParam("externalId") String externalId,
            @Parameter(description = "Lifecycle stage (derived at read time: the listing scans)",
                    schema = @Schema(maxLength = 16)) @QueryParam("lifecycleStage") String lifecycleStage,
            @Parameter(description = "low, medium or high (derived at read time: the listing scans)",
                    schema = @Schema(maxLength = 8)) @QueryParam("churnRisk") String churnRisk,
            @Parameter(description = "1 to 5 (derived at read time: the listing scans)",
                    schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "5"))
            @QueryParam("relationshipLevel") String relationshipLevel,
            @Parameter(description = "Page size, 1 to 1000, default 100",
                    schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "1000"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page", schema = @Schema(maxLength = 200))
            @QueryParam("cursor") String cursor) {
        Segment s = segment == null ? null : parse("segment", Segment.class, segment);
        AbcClass c = null;
        if (abcClass != null) {
            try {
                c = AbcClass.valueOf(abcClass);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("abcClass", "must be one of [A, B, C]");
            }
        }
        if (externalId != null && (externalId.isBlank() || externalId.length() > 200)) {
            throw InvalidInputException.of("externalId", "must be 1 to 200 characters");
        }
        var page = QueryParameters.page(limit, cursor, CURSOR_KIND, config.paging().defaultLimit(),
                config.paging().maxLimit());
        LifecycleStage stage = lifecycleStage == null ? null : parse("lifecycleStage", LifecycleStage.class, lifecycleStage);
        ChurnLevel churn = churnRisk == null ? null : parse("churnRisk", ChurnLevel.class, churnRisk);
        Integer level = null;
        if (relationshipLevel != null) {
            if (!relationshipLevel.matches("[1-5]")) {
                throw InvalidInputException.of("relationshipLevel", "must be an integer from 1 to 5");
            }
            level = Integer.valueOf(relationshipLevel);
        }
        Page<CustomerSegmentsView> result = list.list(new ListCustomerSegmentsQuery(s, c, externalId, stage, churn,
                level, page));
        return new CustomerSegmentsPageResponse(
                result.items().stream().map(i -> CustomerSegmentsResponse.of(i, config.currency())).toList(),
                Cursors.encode(CURSOR_KIND, result.next()));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Counts and revenue share per segment and per ABC class",
            description = "For the current run: n (customers with a counting purchase), its asOf, total monetary T, and for"
                    + " each of the 11 segments and the classes A, B and C the customers, their monetary and its share "
                    + "of T.")
    @APIResponse(responseCode = "200", description = "The summary of the current run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SegmentSummaryResponse.class)))
    public SegmentSummaryResponse summary() {
        return SegmentSummaryResponse.of(summary.summary());
    }

    @GET
    @Path("/rfm-grid")
    @Operation(summary = "Customers per R × F cell (5 × 5), for a heat map",
            description = "All 25 cells of the current run, empty ones included, each with its customers and the segment "
                    + "its R and F scores give.")
    @APIResponse(responseCode = "200", description = "The 25 cells of the current run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RfmGridResponse.class)))
    public RfmGridResponse rfmGrid() {
        return RfmGridResponse.of(grid.grid());
    }

    static <E extends Enum<E>> E parse(String field, Class<E> type, String raw) {
        try {
            return WireNames.parse(type, raw);
        } catch (InvalidValueException e) {
            throw InvalidInputException.of(field, e.getMessage());
        }
    }
}
