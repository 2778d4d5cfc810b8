package dev.rapport.loyalty.application.service.program;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.application.port.out.program.ProgramRepository;
import dev.rapport.loyalty.domain.program.ProgramHistory;
import dev.rapport.loyalty.domain.program.ProgramRules;

/** The program's rules at any instant: the configured defaults plus every stored version. */
@ApplicationScoped
public class Programs {

    private final ProgramRules defaults;
    private final ProgramRepository repository;

    public Programs(ProgramRules defaults, ProgramRepository repository) {
        this.defaults = defaults;
        this.repository = repository;
    }

    public ProgramHistory history() {
        return new ProgramHistory(defaults, repository.versions());
    }

    public ProgramRules rulesAt(Instant instant) {
        return history().at(instant).rules();
    }
}
