package dev.rapport.feedback.domain.kpi;

/**
 * How KPIs are broken down. CHANNEL: feedback, survey and complaint channels; CATEGORY: complaint
 * category (feedback and survey figures are not split by it); TEAM: the team of the complaint's assignee
 * ("unassigned" without one).
 */
public enum KpiGrouping {
    CHANNEL, CATEGORY, TEAM
}
