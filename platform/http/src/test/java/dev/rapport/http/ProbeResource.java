package dev.rapport.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonValue;

/** A resource exercising every failure the mappers translate. Test-only. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public enum Channel {
        WEB_FORM("web-form"), PHONE("phone");

        private final String wire;

        Channel(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }
    }

    public record Line(@NotBlank String sku, @Positive int quantity, BigDecimal unitPrice) {
    }

    public record Order(@NotBlank @Size(max = 10) String name, Channel channel, LocalDate day, Boolean gift,
                        @NotEmpty List<@Valid Line> lines, Map<String, String> notes) {
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Order create(@RequiredBody @Valid Order order) {
        return order;
    }

    @GET
    @Path("/page")
    public Map<String, Integer> page(@QueryParam("limit") @Min(1) @Max(100) Integer limit) {
        return Map.of("limit", limit == null ? 20 : limit);
    }

    @jakarta.inject.Inject
    dev.rapport.http.identity.CurrentCaller caller;

    @GET
    @Path("/caller")
    public Map<String, String> caller() {
        return Map.of("principal", caller.principalOr("anonymous"));
    }

    @GET
    @Path("/domain/{kind}")
    public String domain(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "invalid" -> dev.rapport.kernel.InvalidInputException.of("points", "must be positive");
            case "not-found" -> new dev.rapport.kernel.NotFoundException("Loyalty account", "no account for c-1");
            case "conflict" -> new dev.rapport.kernel.ConflictException("insufficient-points", "Insufficient points",
                    "only 120 points are available", Map.of("available", 120));
            case "rule" -> new dev.rapport.kernel.RuleViolationException("effective-date-in-past", "Effective date in the past",
                    "a program change applies from today or later");
            default -> new UnknownRuleException();
        };
    }

    /** A domain exception no mapper knows: a bug, answered as a 500. */
    static final class UnknownRuleException extends dev.rapport.kernel.DomainException {
        UnknownRuleException() {
            super("an unmapped rule");
        }
    }

    @GET
    @Path("/problem")
    public String problem() {
        throw ProblemException.conflict("Email already registered", Map.of("existingCustomerId", "c-1"));
    }

    @GET
    @Path("/missing")
    public String missing() {
        throw new NotFoundException("Customer 42 does not exist");
    }

    public record Moment(String text, java.time.Instant at, java.time.OffsetDateTime when, LocalDate day,
                         List<String> tags, Map<String, String> notes) {
    }

    @POST
    @Path("/moments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Moment moment(Moment moment) {
        return moment;
    }

    @jakarta.ws.rs.PUT
    @Path("/things/{id}")
    public Map<String, String> thing(@PathParam("id") String id, @QueryParam("q") String q) {
        return q == null ? Map.of("id", id) : Map.of("id", id, "q", q);
    }

    /** Reads the whole body as an upload spool does: an I/O failure surfaces unchecked. */
    @POST
    @Path("/uploads")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Map<String, Long> upload(java.io.InputStream body) {
        try {
            return Map.of("bytes", body.transferTo(java.io.OutputStream.nullOutputStream()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot spool the upload", e);
        }
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
