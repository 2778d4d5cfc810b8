package dev.rapport.segmentation.application.port.in.kpi;

import dev.rapport.segmentation.domain.kpi.AcquisitionSpend;

/** Stores (or replaces) a channel's spend of a month; the currency must be the business currency. */
public interface RecordAcquisitionSpendUseCase {

    AcquisitionSpend record(AcquisitionSpend spend);
}
