package dev.rapport.segmentation.application.port.in.score;

import java.time.LocalDate;

/** Customers per (R, F) cell: {@code counts[r-1][f-1]}. */
public record RfmGrid(LocalDate asOf, long n, long[][] counts) {
}
