package dev.rapport.segmentation.domain.lifecycle;

import java.util.List;
import java.util.Objects;

/** The churn early warning: a level and the signals behind it. */
public record ChurnRisk(ChurnLevel level, List<String> reasons) {

    public ChurnRisk {
        Objects.requireNonNull(level, "level");
        reasons = List.copyOf(reasons);
    }
}
