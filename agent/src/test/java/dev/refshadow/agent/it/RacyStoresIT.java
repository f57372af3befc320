package dev.refshadow.agent.it;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Unsynchronised stores racing on the same places: see {@code programs/RacyStores.java}. */
class RacyStoresIT {
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void countsAreExactAfterRacingStores(Path jdk) {
        Programs.run("RacyStores", jdk).expectExit(0).expect("racy.rc.mismatches", 0);
    }
}
