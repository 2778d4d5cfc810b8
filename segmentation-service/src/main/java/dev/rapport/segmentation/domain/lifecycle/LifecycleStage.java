package dev.rapport.segmentation.domain.lifecycle;

/** Where a customer is in its life with the business; wire names are the lower-case constants (at_risk). */
public enum LifecycleStage {
    PROSPECT, NEW, REPEAT, LOYAL, AT_RISK, CHURNED
}
