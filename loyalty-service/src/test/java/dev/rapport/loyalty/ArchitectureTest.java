package dev.rapport.loyalty;

import dev.rapport.testing.HexagonArchitectureContract;

/** DESIGN.md's rules (platform/testing), checked on loyalty-service's compiled main classes. */
class ArchitectureTest extends HexagonArchitectureContract {

    @Override
    protected String rootPackage() {
        return "dev.rapport.loyalty";
    }
}
