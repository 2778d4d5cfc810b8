package dev.rapport.customer.application.port.in.privacy;

import dev.rapport.customer.domain.privacy.Erasure;

/** {@code created} is false when the customer had already been erased (the first erasure is answered). */
public record ErasureResult(Erasure erasure, boolean created) {
}
