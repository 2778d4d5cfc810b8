package dev.rapport.customer.domain.consent;

/** Why we would use the channel or the data. Wire names: marketing, service, profiling. */
public enum ConsentPurpose {
    MARKETING, SERVICE, PROFILING
}
