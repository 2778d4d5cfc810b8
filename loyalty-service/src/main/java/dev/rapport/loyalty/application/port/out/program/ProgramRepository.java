package dev.rapport.loyalty.application.port.out.program;

import java.time.Instant;
import java.util.List;

import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.ProgramVersion;

/** Stored program versions (the configured defaults are version 0 and not stored). */
public interface ProgramRepository {

    List<ProgramVersion> versions();

    ProgramVersion add(Instant effectiveFrom, ProgramRules rules, Instant now);
}
