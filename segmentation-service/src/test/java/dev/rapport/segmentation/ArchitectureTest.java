package dev.rapport.segmentation;

import dev.rapport.testing.HexagonArchitectureContract;

/** DESIGN.md's rules (platform/testing), checked on segmentation-service's compiled main classes. */
class ArchitectureTest extends HexagonArchitectureContract {

    @Override
    protected String rootPackage() {
        return "dev.rapport.segmentation";
    }
}
