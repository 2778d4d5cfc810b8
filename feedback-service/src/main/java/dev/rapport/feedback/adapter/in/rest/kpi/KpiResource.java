package dev.rapport.feedback.adapter.in.rest.kpi;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import dev.rapport.feedback.application.port.in.kpi.GetKpisUseCase;
import dev.rapport.feedback.application.port.in.kpi.KpiQuery;
import dev.rapport.feedback.application.port.in.kpi.KpiReport;
import dev.rapport.feedback.domain.kpi.Kpis;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.QueryParameters;
import dev.rapport.kernel.WireNames;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/feedback/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs", description = "Satisfaction and service figures")
public class KpiResource {

    private final GetKpisUseCase kpis;

    KpiResource(GetKpisUseCase kpis) {
        this.kpis = kpis;
    }

    @Schema(name = "KpiReport", description = "Figures of [from, to): overall and per group; null = no data")
    public record KpiReportView(Instant from, Instant to,
                                @Schema(maxLength = 10, nullable = true, enumeration = {"channel", "category", "team"}) String groupBy,
                                Kpis overall, @Schema(maxItems = 1000) List<Group> groups) {
    }

    @Schema(name = "KpiGroup")
    public record Group(@Schema(maxLength = 50) String group, Kpis kpis) {
    }

    @GET
    @Operation(summary = "Service KPIs: CSAT, NPS, sentiment, complaints, response and resolution times, SLA compliance",
            description = "Window [from, to), by default the 30 days before now. groupBy channel (feedback, survey and "
                    + "complaint channels), category (complaints) or team (complaints by the assignee's team).")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiReportView.class)))
    @APIResponse(responseCode = "400", description = "Malformed from or to, to not after from, unknown groupBy",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public KpiReportView kpis(
            @Parameter(schema = @Schema(format = "date-time", maxLength = 40)) @QueryParam("from") String from,
            @Parameter(schema = @Schema(format = "date-time", maxLength = 40)) @QueryParam("to") String to,
            @Parameter(schema = @Schema(enumeration = {"channel", "category", "team"}, maxLength = 10))
            @QueryParam("groupBy") String groupBy) {
        KpiReport report = kpis.kpis(new KpiQuery(QueryParameters.instant("from", from), QueryParameters.instant("to", to), groupBy));
        return new KpiReportView(report.from(), report.to(), report.groupBy() == null ? null : WireNames.of(report.groupBy()),
                report.overall(), report.groups().entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
    }
}
