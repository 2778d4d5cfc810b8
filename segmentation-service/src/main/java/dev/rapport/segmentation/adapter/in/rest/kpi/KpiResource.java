package dev.rapport.segmentation.adapter.in.rest.kpi;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.http.ProblemDetail;
import dev.rapport.http.RequiredBody;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.segmentation.application.port.in.kpi.GetKpisQuery;
import dev.rapport.segmentation.application.port.in.kpi.GetKpisUseCase;
import dev.rapport.segmentation.application.port.in.kpi.RecordAcquisitionSpendUseCase;
import dev.rapport.segmentation.domain.kpi.AcquisitionSpend;

@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs", description = "Relationship KPIs and acquisition spend")
public class KpiResource {

    private final GetKpisUseCase kpis;
    private final RecordAcquisitionSpendUseCase spend;

    KpiResource(GetKpisUseCase kpis, RecordAcquisitionSpendUseCase spend) {
        this.kpis = kpis;
        this.spend = spend;
    }

    @GET
    @Path("/kpis")
    @Operation(summary = "Relationship KPIs per month or per acquisition channel",
            description = "Retention rate, repeat-purchase rate, new and churned customers, revenue per segment and "
                    + "acquisition cost where the spend is known. Months in the business zone; at most 36.")
    @APIResponse(responseCode = "200", description = "The KPIs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed month, to before from, more than 36 months, unknown groupBy",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public KpiResponse kpis(
            @Parameter(description = "First month, yyyy-MM", schema = @Schema(maxLength = 7)) @QueryParam("from") String from,
            @Parameter(description = "Last month, yyyy-MM", schema = @Schema(maxLength = 7)) @QueryParam("to") String to,
            @Parameter(description = "month (default) or acquisitionChannel", schema = @Schema(maxLength = 24,
                    enumeration = {"month", "acquisitionChannel"})) @QueryParam("groupBy") String groupBy) {
        GetKpisQuery.GroupBy by;
        if (groupBy == null || groupBy.equals("month")) {
            by = GetKpisQuery.GroupBy.MONTH;
        } else if (groupBy.equals("acquisitionChannel")) {
            by = GetKpisQuery.GroupBy.ACQUISITION_CHANNEL;
        } else {
            throw InvalidInputException.of("groupBy", "must be one of [month, acquisitionChannel]");
        }
        return KpiResponse.of(kpis.kpis(new GetKpisQuery(month("from", from), month("to", to), by)));
    }

    @PUT
    @Path("/acquisition-spend/{channel}/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record what acquiring customers through a channel cost in a month",
            description = "Replaces any earlier amount of that channel and month (idempotent).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AcquisitionSpendRequest.class)))
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AcquisitionSpendRequest.class)))
    @APIResponse(responseCode = "400", description = "Invalid channel, month, amount or currency",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public AcquisitionSpendRequest recordSpend(
            @Parameter(description = "Acquisition channel, as customer-service records it", schema = @Schema(maxLength = 50))
            @PathParam("channel") String channel,
            @Parameter(description = "yyyy-MM", schema = @Schema(maxLength = 7)) @PathParam("month") String month,
            @RequiredBody AcquisitionSpendRequest request) {
        YearMonth m = month("month", month);
        BigDecimal amount;
        try {
            amount = request.amount() == null || request.amount().length() > 16 ? null : new BigDecimal(request.amount());
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null) {
            throw InvalidInputException.of("amount", "must be a decimal string like 2500.00");
        }
        AcquisitionSpend stored = spend.record(new AcquisitionSpend(channel, m, amount, request.currency()));
        return new AcquisitionSpendRequest(stored.amount().toPlainString(), stored.currency());
    }

    private static YearMonth month(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            if (field.equals("month")) {
                throw InvalidInputException.of(field, "is required");
            }
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(raw.strip());
            if (m.getYear() < 1970 || m.getYear() > 9999) {
                throw InvalidInputException.of(field, "must be between 1970-01 and 9999-12");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be a month like 2011-12");
        }
    }
}
