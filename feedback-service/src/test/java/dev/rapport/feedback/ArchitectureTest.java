package dev.rapport.feedback;

import dev.rapport.testing.HexagonArchitectureContract;

/** DESIGN.md's rules (platform/testing), checked on feedback-service's compiled main classes. */
class ArchitectureTest extends HexagonArchitectureContract {

    @Override
    protected String rootPackage() {
        return "dev.rapport.feedback";
    }
}
