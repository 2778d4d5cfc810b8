package dev.rapport.segmentation.application.port.in.score;

public interface GetRfmGridUseCase {

    RfmGrid grid();
}
