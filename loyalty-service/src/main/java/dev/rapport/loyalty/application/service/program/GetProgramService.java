package dev.rapport.loyalty.application.service.program;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.application.port.in.program.GetProgramUseCase;
import dev.rapport.loyalty.domain.program.ProgramHistory;
import dev.rapport.loyalty.domain.program.ProgramOverview;

@ApplicationScoped
public class GetProgramService implements GetProgramUseCase {

    private final Programs programs;
    private final Clock clock;

    public GetProgramService(Programs programs, Clock clock) {
        this.programs = programs;
        this.clock = clock;
    }

    @Override
    public ProgramOverview get() {
        ProgramHistory history = programs.history();
        var now = clock.instant();
        return new ProgramOverview(history.at(now), history.upcoming(now));
    }
}
