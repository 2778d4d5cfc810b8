package dev.rapport.loyalty.domain.program;

import java.util.List;

/** The version in force now and those already scheduled. */
public record ProgramOverview(ProgramVersion current, List<ProgramVersion> upcoming) {
}
