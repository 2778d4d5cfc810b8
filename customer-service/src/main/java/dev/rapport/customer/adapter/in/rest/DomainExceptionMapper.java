package dev.rapport.customer.adapter.in.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.rapport.customer.domain.customer.CustomerMergedException;
import dev.rapport.customer.domain.customer.CustomerErasedException;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.customer.DuplicateCustomerException;
import dev.rapport.customer.domain.identity.MergeNotPossibleException;
import dev.rapport.customer.domain.identity.MergePartyMergedException;
import dev.rapport.customer.domain.identity.MergePartyNotFoundException;
import dev.rapport.customer.domain.identity.MergeRole;
import dev.rapport.customer.domain.customer.NoCurrentCustomerException;
import dev.rapport.customer.domain.customer.StaleVersionException;
import dev.rapport.customer.domain.engagement.FollowUpNotFoundException;
import dev.rapport.customer.domain.engagement.FollowUpStateConflictException;
import dev.rapport.customer.domain.engagement.IdempotencyKeyConflictException;
import dev.rapport.customer.domain.privacy.ErasureNotFoundException;
import dev.rapport.customer.domain.purchase.OrderIdConflictException;
import dev.rapport.customer.domain.purchase.PurchaseNotFoundException;
import dev.rapport.customer.domain.purchase.ReturnKeyConflictException;
import dev.rapport.customer.domain.purchase.ReturnNotPossibleException;
import dev.rapport.kernel.DomainException;
import dev.rapport.kernel.WireNames;
import dev.rapport.http.FieldError;
import dev.rapport.http.ProblemDetail;
import dev.rapport.http.DomainProblemMapper;
import dev.rapport.http.ProblemTypes;

/** The HTTP face of every domain rule: which status and problem type each violation gets. */
@Provider
public class DomainExceptionMapper extends DomainProblemMapper {

    static final String DUPLICATE_CUSTOMER = ProblemTypes.of("duplicate-customer");
    static final String ORDER_ID_CONFLICT = ProblemTypes.of("order-id-conflict");
    static final String RETURN_KEY_CONFLICT = ProblemTypes.of("return-key-conflict");
    static final String RETURN_NOT_POSSIBLE = ProblemTypes.of("return-not-possible");
    static final String IDEMPOTENCY_KEY_CONFLICT = ProblemTypes.of("idempotency-key-conflict");
    static final String FOLLOW_UP_STATE_CONFLICT = ProblemTypes.of("follow-up-state-conflict");
    static final String CUSTOMER_MERGED = ProblemTypes.of("customer-merged");
    static final String CUSTOMER_ALREADY_MERGED = ProblemTypes.of("customer-already-merged");
    static final String MERGE_NOT_POSSIBLE = ProblemTypes.of("merge-not-possible");
    static final String CUSTOMER_ERASED = ProblemTypes.of("customer-erased");

    @Override
    public Response toResponse(DomainException exception) {
        Response problem = super.toResponse(exception);
        if (exception instanceof CustomerMergedException merged) {
            return Response.fromResponse(problem).location(MergeRedirects.target(uriInfo, merged)).build();
        }
        return problem;
    }

    @Override
    protected ProblemDetail serviceProblem(DomainException exception) {
        String detail = exception.getMessage();
        return switch (exception) {
            case CustomerNotFoundException notFound ->
                    ProblemDetail.of(404, ProblemTypes.NOT_FOUND, "Customer not found", detail);
            case PurchaseNotFoundException notFound ->
                    ProblemDetail.of(404, ProblemTypes.NOT_FOUND, "Purchase not found", detail);
            case DuplicateCustomerException duplicate -> {
                Map<String, Object> extensions = new LinkedHashMap<>();
                if (duplicate.existingCustomerId() != null) {
                    extensions.put("existingCustomerId", duplicate.existingCustomerId().value());
                }
                yield new ProblemDetail(DUPLICATE_CUSTOMER, "Duplicate customer", 409, detail, null,
                        List.of(new FieldError(duplicate.field(), "is already registered for another customer")),
                        extensions);
            }
            case StaleVersionException stale ->
                    ProblemDetail.of(412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail)
                            .withExtension("currentVersion", stale.currentVersion());
            case OrderIdConflictException conflict -> {
                ProblemDetail problem = ProblemDetail.of(409, ORDER_ID_CONFLICT, "Order id already recorded", detail);
                yield conflict.existingPurchaseId() == null ? problem
                        : problem.withExtension("existingPurchaseId", conflict.existingPurchaseId().value());
            }
            case ReturnKeyConflictException conflict -> {
                ProblemDetail problem = ProblemDetail.of(409, RETURN_KEY_CONFLICT, "Return key already used", detail);
                yield conflict.existingReturnId() == null ? problem
                        : problem.withExtension("existingReturnId", conflict.existingReturnId().value());
            }
            case ReturnNotPossibleException notPossible -> new ProblemDetail(RETURN_NOT_POSSIBLE,
                    "Return not possible", 422, detail, null, DomainProblemMapper.fieldErrors(notPossible.violations()), Map.of());
            case FollowUpNotFoundException notFound ->
                    ProblemDetail.of(404, ProblemTypes.NOT_FOUND, "Follow-up not found", detail);
            case FollowUpStateConflictException conflict ->
                    ProblemDetail.of(409, FOLLOW_UP_STATE_CONFLICT, "Follow-up already closed", detail)
                            .withExtension("currentStatus", WireNames.of(conflict.currentStatus()));
            case IdempotencyKeyConflictException conflict ->
                    ProblemDetail.of(409, IDEMPOTENCY_KEY_CONFLICT, "Idempotency key already used", detail)
                            .withExtension("existingInteractionId", conflict.existingInteractionId().value());
            case CustomerMergedException merged ->
                    ProblemDetail.of(308, CUSTOMER_MERGED, "Customer merged", detail)
                            .withExtension("survivorId", merged.survivorId().value());
            case MergePartyNotFoundException notFound -> new ProblemDetail(ProblemTypes.NOT_FOUND, "Customer not found",
                    404, detail, null, notFound.role() == MergeRole.DUPLICATE
                            ? List.of(new FieldError("duplicateId", "no such customer")) : List.of(),
                    Map.of("role", notFound.role().wireName()));
            case MergePartyMergedException merged -> ProblemDetail.of(409, CUSTOMER_ALREADY_MERGED,
                            "Customer already merged", detail)
                    .withExtension("role", merged.role().wireName())
                    .withExtension("mergedInto", merged.mergedInto().value());
            case MergeNotPossibleException notPossible -> new ProblemDetail(MERGE_NOT_POSSIBLE, "Merge not possible",
                    422, detail, null, DomainProblemMapper.fieldErrors(notPossible.violations()), Map.of());
            case NoCurrentCustomerException noCustomer ->
                    ProblemDetail.of(412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail);
            case CustomerErasedException erased -> ProblemDetail.of(410, CUSTOMER_ERASED, "Customer erased", detail)
                    .withExtension("erasedAt", erased.erasedAt())
                    .withExtension("erasure", "/customers/" + erased.customerId() + "/erasure");
            case ErasureNotFoundException notFound ->
                    ProblemDetail.of(404, ProblemTypes.NOT_FOUND, "Erasure not found", detail);
            case dev.rapport.customer.domain.importing.ImportNotFoundException notFound ->
                    ProblemDetail.of(404, ProblemTypes.NOT_FOUND, "Import not found", detail);
            case dev.rapport.customer.domain.importing.ImportTooLargeException tooLarge ->
                    ProblemDetail.of(413, ProblemTypes.of("payload-too-large"), "Payload too large", detail)
                            .withExtension("maxBytes", tooLarge.maxBytes());
            default -> null;
        };
    }
}
