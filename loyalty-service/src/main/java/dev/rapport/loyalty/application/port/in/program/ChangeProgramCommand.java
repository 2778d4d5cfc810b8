package dev.rapport.loyalty.application.port.in.program;

import java.time.Instant;

import dev.rapport.loyalty.domain.program.ProgramRules;

public record ChangeProgramCommand(Instant effectiveFrom, ProgramRules rules) {
}
