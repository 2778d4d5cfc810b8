package dev.rapport.segmentation.application.port.in.kpi;

public interface GetKpisUseCase {

    Kpis kpis(GetKpisQuery query);
}
