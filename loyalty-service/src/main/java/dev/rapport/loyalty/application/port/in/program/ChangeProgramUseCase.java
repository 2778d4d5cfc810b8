package dev.rapport.loyalty.application.port.in.program;

import dev.rapport.loyalty.domain.program.ProgramVersion;

public interface ChangeProgramUseCase {

    /** Adds a version in force from {@code effectiveFrom} (not in the past); earlier versions stay as they were. */
    ProgramVersion change(ChangeProgramCommand command);
}
