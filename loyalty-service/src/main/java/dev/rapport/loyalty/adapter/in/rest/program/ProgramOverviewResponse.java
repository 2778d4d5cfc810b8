package dev.rapport.loyalty.adapter.in.rest.program;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgramOverview", description = "The version in force now and the scheduled ones")
public record ProgramOverviewResponse(ProgramDocument current, @Schema(maxItems = 100) List<ProgramDocument> upcoming) {
}
