package dev.rapport.customer.domain.purchase;

import java.util.List;

import dev.rapport.kernel.FieldViolation;
import dev.rapport.kernel.InvalidInputException;

/**
 * A purchase the domain refuses, with every violation as a client sees it ({@code lines[3].quantity})
 * and, as data, which lines are invalid ({@link #invalidLines}) apart from what is wrong with the
 * purchase as a whole ({@link #ofPurchase}): a bulk import drops only the rows of invalid lines.
 */
public final class InvalidPurchaseException extends InvalidInputException {

    private final List<FieldViolation> ofPurchase;
    private final List<InvalidLine> invalidLines;

    InvalidPurchaseException(List<FieldViolation> all, List<FieldViolation> ofPurchase, List<InvalidLine> invalidLines) {
        super(all);
        this.ofPurchase = List.copyOf(ofPurchase);
        this.invalidLines = List.copyOf(invalidLines);
    }

    public List<FieldViolation> ofPurchase() {
        return ofPurchase;
    }

    public List<InvalidLine> invalidLines() {
        return invalidLines;
    }
}
