package dev.rapport.loyalty.application.port.in.program;

import dev.rapport.loyalty.domain.program.ProgramOverview;

public interface GetProgramUseCase {

    ProgramOverview get();
}
