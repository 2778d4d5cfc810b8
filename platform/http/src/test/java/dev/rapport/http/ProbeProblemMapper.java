package dev.rapport.http;

import jakarta.ws.rs.ext.Provider;

/** The probe application's domain mapper: no types of its own, so the base answers everything. */
@Provider
public class ProbeProblemMapper extends DomainProblemMapper {
}
