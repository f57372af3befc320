package dev.refshadow.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.agent.it.harness.Fork;
import dev.refshadow.report.Report;
import dev.refshadow.report.ReportInputException;
import dev.refshadow.report.ReportJson;
import dev.refshadow.report.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verification mode against the JVM's collector: see {@code programs/Verified.java}. The
 * report (validated against the schema when read) gains its {@code verification} section.
 */
class VerificationIT {
    private static Fork.Result run(Path jdk, String verify) {
        return Fork.java(jdk).agent(Programs.agentJar(), "verify=" + verify).classpath(Programs.testClasses())
                .args(Programs.PACKAGE + "Verified").in(runDir(jdk, verify)).runOnce().expectExit(0);
    }

    private static Path runDir(Path jdk, String verify) {
        return Programs.runDir("Verified-" + verify.replace(':', '-'), jdk);
    }

    private static Report report(Path jdk, String verify) {
        Fork.Result r = run(jdk, verify);
        try {
            return ReportJson.read(runDir(jdk, verify).resolve("refshadow-report.json"));
        } catch (ReportInputException e) {
            throw new AssertionError(e.getMessage() + "\n" + r.describe(), e);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void everyReclaimedObjectWasFreedByTheShadow(Path jdk) {
        Fork.Result r = run(jdk, "true").expect("collected", 1);
        Verification v = report(jdk, "true").verification();
        assertEquals("all", v.mode());
        // 2000 rounds drop 3 objects each to refcount and 3 to the cycle pass; the JVM reclaims them (all but
        // those the last chunk of recorded events still holds)
        assertTrue(v.reclaimedByJvm() >= 5 * 2000, () -> v + "\n" + r.describe());
        assertTrue(v.watched() >= v.reclaimedByJvm(), v::toString);
        assertEquals(0, v.prematureFrees(), v::toString);
        assertEquals(0, v.keptAliveOutsideCycles(), v::toString);
        assertEquals(v.reclaimedByJvm() - v.discovered(), v.agreed(), v::toString);
        assertEquals(1.0, v.agreement(), v::toString);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void aSampleWatchesOneObjectInN(Path jdk) {
        Verification all = report(jdk, "true").verification();
        Verification sample = report(jdk, "sample:10").verification();
        assertEquals("sample:10", sample.mode());
        assertTrue(sample.watched() > 0 && sample.watched() * 5 < all.watched(), () -> sample + " vs " + all);
        assertEquals(0, sample.prematureFrees(), sample::toString);
        assertEquals(0, sample.keptAliveOutsideCycles(), sample::toString);
        assertEquals(1.0, sample.agreement(), sample::toString);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void theTextReportAndTheExitLineShowTheAgreement(Path jdk) throws IOException {
        Fork.Result r = run(jdk, "true");
        assertTrue(r.stderr().contains("verification: 100.0000 % agreement"), r::describe);
        String text = Files.readString(runDir(jdk, "true").resolve("refshadow-report.txt"));
        assertTrue(text.contains("  verification (all): "), text);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void withoutVerifyTheReportHasNoVerification(Path jdk) {
        Programs.run("Verified", jdk).expectExit(0);
        try {
            assertEquals(null, ReportJson.read(Programs.runDir("Verified", jdk).resolve("refshadow-report.json"))
                    .verification());
        } catch (ReportInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
