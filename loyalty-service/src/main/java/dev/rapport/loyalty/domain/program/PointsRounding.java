package dev.rapport.loyalty.domain.program;

import java.math.RoundingMode;

/** How fractional points of a purchase become whole points. */
public enum PointsRounding {
    DOWN(RoundingMode.DOWN), HALF_UP(RoundingMode.HALF_UP), UP(RoundingMode.UP);

    private final RoundingMode mode;

    PointsRounding(RoundingMode mode) {
        this.mode = mode;
    }

    public RoundingMode mode() {
        return mode;
    }
}
