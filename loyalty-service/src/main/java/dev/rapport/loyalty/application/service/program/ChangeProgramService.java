package dev.rapport.loyalty.application.service.program;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.kernel.InvalidInputException;
import dev.rapport.loyalty.application.port.in.program.ChangeProgramCommand;
import dev.rapport.loyalty.application.port.in.program.ChangeProgramUseCase;
import dev.rapport.loyalty.application.port.out.program.ProgramRepository;
import dev.rapport.loyalty.domain.program.ProgramHistory;
import dev.rapport.loyalty.domain.program.ProgramVersion;

@ApplicationScoped
public class ChangeProgramService implements ChangeProgramUseCase {

    private final ProgramRepository repository;
    private final Clock clock;

    public ChangeProgramService(ProgramRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ProgramVersion change(ChangeProgramCommand command) {
        if (command.effectiveFrom() == null) {
            throw InvalidInputException.of("effectiveFrom", "is required");
        }
        Instant now = clock.instant();
        ProgramHistory.checkEffectiveFrom(command.effectiveFrom(), now);
        return repository.add(command.effectiveFrom(), command.rules(), now);
    }
}
