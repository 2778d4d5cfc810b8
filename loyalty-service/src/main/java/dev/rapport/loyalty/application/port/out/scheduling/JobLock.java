package dev.rapport.loyalty.application.port.out.scheduling;

/** Runs a job in at most one instance of the service at a time. */
public interface JobLock {

    /** Runs {@code work} if no other instance holds the lock of {@code job}; false when it was skipped. */
    boolean runExclusively(String job, Runnable work);
}
