package dev.rapport.segmentation.adapter.in.rest.score;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.kernel.WireNames;
import dev.rapport.segmentation.application.port.in.score.RfmGrid;
import dev.rapport.segmentation.domain.score.Segment;

/** 25 cells, R 1–5 × F 1–5, for a heat map. */
@Schema(name = "RfmGrid")
public record RfmGridResponse(
        @Schema(format = "date", maxLength = 10) LocalDate asOf,
        @Schema(minimum = "0", maximum = "2147483647") long n,
        @Schema(maxItems = 25) List<Cell> cells) {

    @Schema(name = "RfmGridCell")
    public record Cell(@Schema(minimum = "1", maximum = "5") int r, @Schema(minimum = "1", maximum = "5") int f,
            @Schema(minimum = "0", maximum = "2147483647") long customers,
            @Schema(maxLength = 32, example = "champions") String segment) {
    }

    public static RfmGridResponse of(RfmGrid grid) {
        List<Cell> cells = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                cells.add(new Cell(r, f, grid.counts()[r - 1][f - 1], WireNames.of(Segment.of(r, f))));
            }
        }
        return new RfmGridResponse(grid.asOf(), grid.n(), cells);
    }
}
