package dev.rapport.feedback.api;

import dev.rapport.testing.IdentityBoundaryContract;
import dev.rapport.testing.IdentityRequiredProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** feedback-service as production runs it: only calls carrying the gateway's identity token get in. */
@QuarkusTest
@TestProfile(IdentityRequiredProfile.class)
class IdentityBoundaryTest extends IdentityBoundaryContract {

    @Override
    protected String protectedPath() {
        return "/feedback";
    }
}
