package dev.rapport.segmentation.application.port.out.kpi;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import dev.rapport.segmentation.domain.kpi.AcquisitionSpend;
import dev.rapport.segmentation.domain.kpi.KpiGroup;

/** The KPIs computed over the stored purchases, and the acquisition spend. */
public interface KpiRepository {

    /** One group per month from {@code from} to {@code to}, each against the month before. */
    List<KpiGroup> byMonth(YearMonth from, YearMonth to, ZoneId zone);

    /** One group per acquisition channel over [from, to], against the equally long span before. */
    List<KpiGroup> byChannel(YearMonth from, YearMonth to, ZoneId zone);

    void saveSpend(AcquisitionSpend spend);
}
