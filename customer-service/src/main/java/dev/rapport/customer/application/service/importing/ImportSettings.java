package dev.rapport.customer.application.service.importing;

/**
 * Limits of bulk imports. {@code maxBytes} bounds the uncompressed body; {@code chunkSize} is how
 * many orders (or customer-only rows) one transaction applies: big enough to batch well, small
 * enough that locks are short and a crash repeats little.
 */
public record ImportSettings(long maxBytes, int chunkSize) {

    public ImportSettings {
        if (maxBytes < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }
}
