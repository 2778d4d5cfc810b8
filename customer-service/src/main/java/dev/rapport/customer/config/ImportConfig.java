package dev.rapport.customer.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk imports, under {@code rapport.import} (a prefix of its own so it cannot clash with rapport.customer). */
@ConfigMapping(prefix = "rapport.import")
public interface ImportConfig {

    /** Where uploads are spooled until their job ends; default {@code <java.io.tmpdir>/rapport-imports}. */
    Optional<String> directory();

    /** Largest accepted body in bytes, counted after gzip decompression (default 200 MB). */
    @WithDefault("209715200")
    long maxBytes();

    /**
     * Orders (or customer-only rows) per transaction. Each chunk pays fixed costs (a dozen statements,
     * a commit, the job's checkpoint), so larger is faster: 200 took 15-20 % less time than 100. Small
     * enough that a chunk dies young: with 400-500 each chunk outlived young collections and filled a
     * small heap's old generation, and the full collections that followed stalled API requests for
     * 100-200 ms (README, "Chunk size and the heap").
     */
    @WithDefault("200")
    int chunkSize();

    default String directoryOrDefault() {
        return directory().orElse(System.getProperty("java.io.tmpdir") + "/rapport-imports");
    }
}
