package dev.rapport.customer.domain.importing;

import dev.rapport.kernel.DomainException;

/** The body exceeds the configured maximum (counted after gzip decompression). */
public class ImportTooLargeException extends DomainException {

    private final long maxBytes;

    public ImportTooLargeException(long maxBytes) {
        super("The import body exceeds the maximum of " + maxBytes + " bytes (uncompressed); split the file");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
