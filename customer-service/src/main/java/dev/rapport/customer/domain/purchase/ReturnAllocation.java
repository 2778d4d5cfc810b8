package dev.rapport.customer.domain.purchase;

import java.util.ArrayList;
import java.util.List;

import dev.rapport.kernel.FieldViolation;

/**
 * How a return of some units of one SKU is taken from a purchase: from the lines holding that SKU, in
 * line order, each at its own unit price. One rule for a whole {@link Purchase} and for the
 * {@link ReturnablePurchase} read model an import works with.
 */
final class ReturnAllocation {

    private ReturnAllocation() {
    }

    /**
     * Why {@code quantity} units of {@code sku} cannot come back from {@code held} (the purchase's lines
     * of that SKU, in line order), named under {@code field} ({@code lines[i]}); null when they can.
     */
    static FieldViolation misfit(String field, Sku sku, List<ReturnablePurchase.Line> held, int quantity) {
        if (held.isEmpty()) {
            return new FieldViolation(field + ".sku", "is not part of this purchase");
        }
        int available = held.stream().mapToInt(ReturnablePurchase.Line::remaining).sum();
        if (quantity > available) {
            return new FieldViolation(field + ".quantity", "exceeds the " + available + " unit(s) of " + sku
                    + " still returnable");
        }
        return null;
    }

    /** The return lines taking {@code quantity} units from {@code held}, which must hold that many. */
    static List<ReturnLine> take(List<ReturnablePurchase.Line> held, int quantity) {
        List<ReturnLine> taken = new ArrayList<>();
        int left = quantity;
        for (ReturnablePurchase.Line line : held) {
            int take = Math.min(left, line.remaining());
            if (take > 0) {
                taken.add(new ReturnLine(line.lineNumber(), line.sku(), take, line.unitPrice().times(take)));
                left -= take;
            }
            if (left == 0) {
                break;
            }
        }
        return taken;
    }
}
