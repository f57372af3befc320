package dev.refshadow.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.LeakGroup.ClosingWrite;
import dev.refshadow.report.ReportJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The call stacks of closing writes in the agent's report: see {@code programs/ClosingWrites.java}. */
class ClosingWritesIT {
    private static final String PROGRAM = Programs.PACKAGE + "ClosingWrites";

    /** The closing write of the leak group of {@code ClosingWrites$<cycleClass>}, from the report written at exit. */
    private static ClosingWrite closingWriteOf(String cycleClass, Path jdk) throws Exception {
        return groupOf(cycleClass, jdk).closingWrite();
    }

    /** The leak group of {@code ClosingWrites$<cycleClass>}, from the report written at exit. */
    private static LeakGroup groupOf(String cycleClass, Path jdk) throws Exception {
        Programs.run("ClosingWrites", jdk).expectExit(0).expect("collected", 1);
        Path report = Programs.runDir("ClosingWrites", jdk).resolve("refshadow-report.json");
        List<LeakGroup> groups = ReportJson.read(report).leaks().stream()
                .filter(g -> g.classes().stream().anyMatch(c -> c.name().equals(PROGRAM + "$" + cycleClass)))
                .toList();
        assertEquals(1, groups.size(), groups.toString());
        return groups.get(0);
    }

    /**
     * The leak group of {@code cycleClass} was closed by a field store in {@code method} (of
     * ClosingWrites), called from {@code callers}: its stack is the store's line, then the callers.
     */
    private static void expectClosedIn(String cycleClass, String method, List<String> callers, Path jdk)
            throws Exception {
        ClosingWrite w = closingWriteOf(cycleClass, jdk);
        assertEquals("field", w.kind());
        assertTrue(w.site().matches("\\Q" + PROGRAM + method + "(ClosingWrites.java:\\E\\d+\\)"), w.site());
        List<String> expected = new ArrayList<>(List.of(w.site()));
        callers.forEach(caller -> expected.add(PROGRAM + caller + "(ClosingWrites.java)"));
        assertEquals(expected, w.stack());
        assertEquals(0, w.omittedFrames());
    }

    /** {@code clear} is a leaf: it records no frame, its store's line stands first. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void aCycleDroppedInALeafHelperShowsTheHelperAndItsCallers(Path jdk) throws Exception {
        expectClosedIn("Leaf", "$Holder.clear", List.of("$Holder.reset", ".dropThroughHelpers", ".main"), jdk);
    }

    /** {@code replace} records a frame: its store's line stands for it, it is not repeated. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void aCycleDroppedInAFramedMethodNamesItOnce(Path jdk) throws Exception {
        expectClosedIn("Framed", "$Holder.replace", List.of(".dropInFrame", ".main"), jdk);
    }

    /** Objects made by {@code new} in the program: the group names the lines that made them. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void allocationSitesNameTheLinesThatMadeTheCycle(Path jdk) throws Exception {
        LeakGroup group = groupOf("Leaf", jdk);
        assertTrue(!group.allocationSites().isEmpty(), group.toString());
        for (LeakGroup.SiteCount site : group.allocationSites()) {
            assertTrue(site.site() != null && site.site().matches("\\Q" + PROGRAM + "\\E.*\\(ClosingWrites.java:\\d+\\)"),
                    group.allocationSites().toString());
        }
    }
}
