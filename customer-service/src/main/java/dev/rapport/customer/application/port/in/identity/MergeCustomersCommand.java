package dev.rapport.customer.application.port.in.identity;

import dev.rapport.kernel.change.ExpectedVersion;

import java.util.Objects;
import java.util.UUID;

/** Merge {@code duplicateId} into {@code survivorId}; {@code expectedSurvivorVersion} from If-Match. */
public record MergeCustomersCommand(UUID survivorId, UUID duplicateId, ExpectedVersion expectedSurvivorVersion) {

    public MergeCustomersCommand {
        Objects.requireNonNull(survivorId, "survivorId");
        Objects.requireNonNull(duplicateId, "duplicateId");
        Objects.requireNonNull(expectedSurvivorVersion, "expectedSurvivorVersion");
    }
}
