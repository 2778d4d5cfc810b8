package dev.rapport.feedback.adapter.in.rest.feedback;

import static dev.rapport.http.ProblemDetail.PROBLEM_JSON;

import dev.rapport.feedback.adapter.in.rest.Paging;
import dev.rapport.feedback.application.port.in.feedback.AnalyzeTextsCommand;
import dev.rapport.feedback.application.port.in.feedback.AnalyzeTextsUseCase;
import dev.rapport.feedback.application.port.in.feedback.GetFeedbackUseCase;
import dev.rapport.feedback.application.port.in.feedback.ListFeedbackQuery;
import dev.rapport.feedback.application.port.in.feedback.ListFeedbackUseCase;
import dev.rapport.feedback.application.port.in.feedback.SubmitFeedbackCommand;
import dev.rapport.feedback.application.port.in.feedback.SubmitFeedbackUseCase;
import dev.rapport.feedback.domain.feedback.Feedback;
import dev.rapport.feedback.domain.feedback.FeedbackChannel;
import dev.rapport.feedback.domain.feedback.FeedbackFilter;
import dev.rapport.feedback.domain.feedback.Sentiment;
import dev.rapport.http.Cursors;
import dev.rapport.http.ProblemException;
import dev.rapport.http.QueryParameters;
import dev.rapport.http.RequiredBody;
import dev.rapport.http.ProblemDetail;
import dev.rapport.kernel.paging.Page;
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
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "Customers' voices with sentiment and topics")
public class FeedbackResource {

    static final String CURSOR_KIND = "f1";

    private final SubmitFeedbackUseCase submit;
    private final ListFeedbackUseCase list;
    private final GetFeedbackUseCase get;
    private final AnalyzeTextsUseCase analyze;
    private final Paging paging;

    FeedbackResource(SubmitFeedbackUseCase submit, ListFeedbackUseCase list, GetFeedbackUseCase get,
                     AnalyzeTextsUseCase analyze, Paging paging) {
        this.submit = submit;
        this.list = list;
        this.get = get;
        this.analyze = analyze;
        this.paging = paging;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a customer's feedback",
            description = "Analyses the text (language, sentiment, topics), stores it and publishes feedback-received "
                    + "(the analysis, never the text).")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackResponse.class)))
    @APIResponse(responseCode = "200", description = "Recorded before with this Idempotency-Key: the stored feedback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid field, empty or too long text, malformed JSON",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key already used for different feedback",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response submit(
            @Parameter(description = "Makes retries safe: the same key and body return the first result (200)",
                    schema = @Schema(maxLength = 100)) @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequiredBody SubmitFeedbackRequest request) {
        var submitted = submit.submit(new SubmitFeedbackCommand(request.customerId(), request.channel(),
                request.rating(), request.text(), request.language(), idempotencyKey));
        Feedback feedback = submitted.feedback();
        if (!submitted.created()) {
            return Response.ok(FeedbackResponse.of(feedback)).build();
        }
        return Response.created(UriBuilder.fromPath("/feedback/{id}").build(feedback.id()))
                .entity(FeedbackResponse.of(feedback)).build();
    }

    @GET
    @Operation(summary = "List feedback, newest first",
            description = "Filters combine (customer, channel, sentiment, topic, received between from and to); cursor "
                    + "paged. Each item carries the analysis made when it was received: language, sentiment score and "
                    + "label, topics.")
    @APIResponse(responseCode = "200", description = "A page of feedback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackPageResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public FeedbackPageResponse list(
            @Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @QueryParam("customerId") String customerId,
            @Parameter(schema = @Schema(maxLength = 20, enumeration = {"survey", "interview", "review", "phone", "email", "chat", "social"}))
            @QueryParam("channel") String channel,
            @Parameter(schema = @Schema(maxLength = 8, enumeration = {"positive", "neutral", "negative"}))
            @QueryParam("sentiment") String sentiment,
            @Parameter(schema = @Schema(maxLength = 50)) @QueryParam("topic") String topic,
            @Parameter(description = "received at or after", schema = @Schema(format = "date-time", maxLength = 40))
            @QueryParam("from") String from,
            @Parameter(description = "received before", schema = @Schema(format = "date-time", maxLength = 40))
            @QueryParam("to") String to,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") String limit,
            @Parameter(schema = @Schema(maxLength = 200)) @QueryParam("cursor") String cursor) {
        FeedbackFilter filter = new FeedbackFilter(
                QueryParameters.uuid("customerId", customerId),
                QueryParameters.wireName("channel", FeedbackChannel.class, channel),
                QueryParameters.wireName("sentiment", Sentiment.class, sentiment),
                topicFilter(topic),
                QueryParameters.instant("from", from),
                QueryParameters.instant("to", to));
        Page<Feedback> page = list.list(new ListFeedbackQuery(filter, paging.request(limit, cursor, CURSOR_KIND)));
        return new FeedbackPageResponse(page.items().stream().map(FeedbackResponse::of).toList(),
                page.next() == null ? null : Cursors.encode(CURSOR_KIND, page.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one feedback",
            description = "With its analysis; the text is null after the customer's erasure.")
    @APIResponse(responseCode = "200", description = "The feedback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackResponse.class)))
    @APIResponse(responseCode = "404", description = "No such feedback",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public FeedbackResponse get(@Parameter(schema = @Schema(format = "uuid", maxLength = 36)) @PathParam("id") String id) {
        return FeedbackResponse.of(get.get(QueryParameters.pathId("Feedback", id)));
    }

    @POST
    @Path("/analyze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyse up to 1,000 texts without storing them",
            description = "Language (zh, en, other by script), sentiment with a score and topics of each text.")
    @APIResponse(responseCode = "200", description = "One analysis per text, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyzeResponse.class)))
    @APIResponse(responseCode = "400", description = "No texts, more than 1,000, or an empty or too long text",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public AnalyzeResponse analyze(@RequiredBody AnalyzeRequest request) {
        List<AnalyzeTextsCommand.Item> items = request.texts() == null ? null : request.texts().stream()
                .map(i -> i == null ? null : new AnalyzeTextsCommand.Item(i.text(), i.language())).toList();
        return new AnalyzeResponse(analyze.analyze(new AnalyzeTextsCommand(items)).stream()
                .map(AnalysisResponse::of).toList());
    }

    /** Topics are lower-case lexicon keys; a longer filter than any key is a 400 as documented. */
    private static String topicFilter(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String topic = raw.strip();
        if (topic.length() > 50) {
            throw ProblemException.badRequest("topic", "must be at most 50 characters");
        }
        return topic.toLowerCase(java.util.Locale.ROOT);
    }
}
