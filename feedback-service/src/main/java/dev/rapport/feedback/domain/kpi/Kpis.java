package dev.rapport.feedback.domain.kpi;

/**
 * Service KPIs of a time window [from, to). Null means "no data" (or not defined for the group).
 * <ul>
 *   <li>feedbackCount, averageSentiment: feedback received in the window; mean sentiment score (-1..1).</li>
 *   <li>csat: % of CSAT answers scoring 4-5; nps: % promoters (9-10) - % detractors (0-6); answers in the window.</li>
 *   <li>complaintsOpened: opened in the window; complaintsResolved: resolved in the window.</li>
 *   <li>firstResponseHoursP50/P90: opening to first response, complaints opened in the window and answered.</li>
 *   <li>resolutionHoursP50/P90: opening to resolution, complaints resolved in the window (wall-clock hours).</li>
 *   <li>slaCompliancePercent: of complaints resolved in the window, % that met both deadlines.</li>
 *   <li>answeredWithin24hPercent: of complaints opened in the window, % first-responded within 24 hours.</li>
 * </ul>
 */
public record Kpis(
        Long feedbackCount,
        Double averageSentiment,
        Long csatResponses,
        Double csat,
        Long npsResponses,
        Double nps,
        Long complaintsOpened,
        Long complaintsResolved,
        Double firstResponseHoursP50,
        Double firstResponseHoursP90,
        Double resolutionHoursP50,
        Double resolutionHoursP90,
        Double slaCompliancePercent,
        Double answeredWithin24hPercent) {

    public static final Kpis EMPTY = new Kpis(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null);

    /** Field by field, this one's value unless it is null. */
    public Kpis merge(Kpis other) {
        return new Kpis(
                first(feedbackCount, other.feedbackCount), first(averageSentiment, other.averageSentiment),
                first(csatResponses, other.csatResponses), first(csat, other.csat),
                first(npsResponses, other.npsResponses), first(nps, other.nps),
                first(complaintsOpened, other.complaintsOpened), first(complaintsResolved, other.complaintsResolved),
                first(firstResponseHoursP50, other.firstResponseHoursP50),
                first(firstResponseHoursP90, other.firstResponseHoursP90),
                first(resolutionHoursP50, other.resolutionHoursP50), first(resolutionHoursP90, other.resolutionHoursP90),
                first(slaCompliancePercent, other.slaCompliancePercent),
                first(answeredWithin24hPercent, other.answeredWithin24hPercent));
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
