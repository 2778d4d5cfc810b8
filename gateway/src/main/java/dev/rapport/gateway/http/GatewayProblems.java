package dev.rapport.gateway.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.gateway.proxy.ProxyForwarder;
import dev.rapport.http.FieldError;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.ProblemTypes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Writes RFC 9457 problem documents (platform/http's {@link ProblemDetail}) straight onto Vert.x
 * responses, with the request path as {@code instance} and the request id as an extension member.
 */
@Singleton
public class GatewayProblems {

    public static final String UNAUTHORIZED = ProblemTypes.of("unauthorized");
    public static final String FORBIDDEN = ProblemTypes.of("forbidden");
    public static final String RATE_LIMITED = ProblemTypes.of("rate-limited");
    public static final String PAYLOAD_TOO_LARGE = ProblemTypes.of("payload-too-large");
    public static final String UPSTREAM_UNAVAILABLE = ProblemTypes.of("upstream-unavailable");
    public static final String UPSTREAM_TIMEOUT = ProblemTypes.of("upstream-timeout");
    public static final String BAD_GATEWAY = ProblemTypes.of("bad-gateway");

    private static final Logger LOG = Logger.getLogger(GatewayProblems.class);

    private final ObjectMapper mapper;

    public GatewayProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static ProblemDetail problem(int status, String type, String title, String detail) {
        return ProblemDetail.of(status, type, title, detail);
    }

    public static ProblemDetail validation(String detail, List<FieldError> errors) {
        return ProblemDetail.validation(detail, errors);
    }

    public static ProblemDetail notFound(String detail) {
        return ProblemDetail.of(404, ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    /** Sends the problem unless a response is already on its way; then the connection is reset. */
    public void send(RoutingContext ctx, ProblemDetail problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            // The client already has a status line; all we can do is break the exchange visibly.
            response.reset();
            return;
        }
        ProblemDetail withContext = problem.instance() == null ? problem.withInstance(ctx.normalizedPath()) : problem;
        String requestId = RequestContext.requestId(ctx);
        if (requestId != null && !withContext.extensions().containsKey("requestId")) {
            withContext = withContext.withExtension("requestId", requestId);
        }
        Buffer body;
        try {
            body = Buffer.buffer(mapper.writeValueAsBytes(withContext));
        } catch (JsonProcessingException e) {
            LOG.error("cannot serialise a problem document", e);
            body = Buffer.buffer("{\"type\":\"about:blank\",\"status\":" + problem.status() + "}");
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
        if (!ctx.request().isEnded()) {
            if (ProxyForwarder.hasBody(ctx.request())) {
                // The request body was not read; closing is cheaper and safer than draining it.
                response.putHeader(HttpHeaders.CONNECTION, "close");
            } else {
                ctx.request().resume();
            }
        }
        response.end(body);
    }

    public byte[] toJson(Map<String, Object> value) throws JsonProcessingException {
        return mapper.writeValueAsBytes(value);
    }
}
