package dev.rapport.feedback.application.port.in.kpi;

public interface GetKpisUseCase {
    /** @throws dev.rapport.kernel.InvalidInputException for an unknown grouping or an empty window */
    KpiReport kpis(KpiQuery query);
}
