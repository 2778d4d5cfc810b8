package dev.rapport.feedback.adapter.in.rest.survey;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import dev.rapport.feedback.adapter.in.rest.survey.SurveyDtos.AnswerRequest;
import dev.rapport.feedback.adapter.in.rest.survey.SurveyDtos.AnswerView;
import dev.rapport.feedback.adapter.in.rest.survey.SurveyDtos.CreateSurveyRequest;
import dev.rapport.feedback.adapter.in.rest.survey.SurveyDtos.InviteRequest;
import dev.rapport.feedback.adapter.in.rest.survey.SurveyDtos.InviteView;
import dev.rapport.feedback.adapter.in.rest.survey.SurveyDtos.ResultsView;
import dev.rapport.feedback.adapter.in.rest.survey.SurveyDtos.SurveyView;
import dev.rapport.feedback.application.port.in.survey.AnswerSurveyCommand;
import dev.rapport.feedback.application.port.in.survey.AnswerSurveyUseCase;
import dev.rapport.feedback.application.port.in.survey.CreateSurveyCommand;
import dev.rapport.feedback.application.port.in.survey.CreateSurveyUseCase;
import dev.rapport.feedback.application.port.in.survey.GetSurveyResultsUseCase;
import dev.rapport.feedback.application.port.in.survey.InviteToSurveyCommand;
import dev.rapport.feedback.application.port.in.survey.InviteToSurveyUseCase;
import dev.rapport.feedback.application.port.in.survey.SurveyResultsQuery;
import dev.rapport.feedback.domain.survey.Survey;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.QueryParameters;
import dev.rapport.http.RequiredBody;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "NPS, CSAT and CES surveys")
public class SurveyResource {

    private final CreateSurveyUseCase create;
    private final AnswerSurveyUseCase answer;
    private final GetSurveyResultsUseCase results;
    private final InviteToSurveyUseCase invite;

    SurveyResource(CreateSurveyUseCase create, AnswerSurveyUseCase answer, GetSurveyResultsUseCase results,
                   InviteToSurveyUseCase invite) {
        this.create = create;
        this.answer = answer;
        this.results = results;
        this.invite = invite;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a survey",
            description = "Score ranges by type: NPS 0–10, CSAT 1–5, CES 1–7. throttleDays keeps a customer from answering "
                    + "the same survey again within that many days (0: no throttle); invitations go out only with "
                    + "marketing consent for the channel.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyView.class)))
    public Response create(@RequiredBody CreateSurveyRequest request) {
        Survey survey = create.create(new CreateSurveyCommand(request.type(), request.question(), request.channel(),
                request.throttleDays()));
        return Response.created(UriBuilder.fromPath("/surveys/{id}").build(survey.id())).entity(SurveyView.of(survey)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a survey",
            description = "Its type, question, channel and throttle.")
    @APIResponse(responseCode = "200", description = "The survey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "404", description = "No such survey",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public SurveyView get(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id) {
        return SurveyView.of(create.get(QueryParameters.pathId("Survey", id)));
    }

    @POST
    @Path("/{id}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a survey", description = "Score range by type: NPS 0-10, CSAT 1-5, CES 1-7. Publishes survey-answered.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "400", description = "Missing customer, score out of range, malformed JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such survey",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "The customer answered this survey within throttleDays",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response answer(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id,
                           @RequiredBody AnswerRequest request) {
        UUID surveyId = QueryParameters.pathId("Survey", id);
        var response = answer.answer(new AnswerSurveyCommand(surveyId, request.customerId(), request.score(), request.comment()));
        Survey survey = create.get(surveyId);
        return Response.status(201).entity(AnswerView.of(survey, response)).build();
    }

    @GET
    @Path("/{id}/results")
    @Operation(summary = "Results of a survey: count, distribution, NPS / CSAT % / mean",
            description = "Over the answers received between from and to: NPS = % promoters (9–10) − % detractors (0–6); "
                    + "CSAT % = share of 4–5; the mean for every type; one decimal; null without answers.")
    @APIResponse(responseCode = "200", description = "The results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultsView.class)))
    @APIResponse(responseCode = "400", description = "Malformed from or to, or to not after from",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such survey",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public ResultsView results(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id,
                               @Parameter(description = "answered at or after", schema = @Schema(format = "date-time", maxLength = 40))
                               @QueryParam("from") String from,
                               @Parameter(description = "answered before", schema = @Schema(format = "date-time", maxLength = 40))
                               @QueryParam("to") String to) {
        UUID surveyId = QueryParameters.pathId("Survey", id);
        return ResultsView.of(results.results(new SurveyResultsQuery(surveyId, QueryParameters.instant("from", from),
                QueryParameters.instant("to", to))));
    }

    @POST
    @Path("/{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request invitations for listed customers",
            description = "Publishes survey-invitation-requested for customers whose consent (survey channel, purpose "
                    + "marketing) is granted and who were not invited or did not answer within throttleDays; says who "
                    + "was skipped and why.")
    @APIResponse(responseCode = "200", description = "Invited and skipped customers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InviteView.class)))
    @APIResponse(responseCode = "400", description = "No customers, more than 1,000, malformed JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such survey",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public InviteView invite(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id,
                             @RequiredBody InviteRequest request) {
        UUID surveyId = QueryParameters.pathId("Survey", id);
        return InviteView.of(invite.invite(new InviteToSurveyCommand(surveyId, request.customerIds())));
    }
}
