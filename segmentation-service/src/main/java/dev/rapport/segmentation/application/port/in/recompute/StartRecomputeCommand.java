package dev.rapport.segmentation.application.port.in.recompute;

import java.time.LocalDate;

/** {@code asOf} null = today in the business zone. */
public record StartRecomputeCommand(LocalDate asOf) {
}
