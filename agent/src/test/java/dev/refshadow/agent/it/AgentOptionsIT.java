package dev.refshadow.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.agent.it.harness.Fork;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad agent option stops the JVM before main, with one line naming the option and a non-zero exit. */
class AgentOptionsIT {
    static Stream<Arguments> badOptions() {
        List<String[]> cases = List.of(
                new String[] {"thresholds=abc", "thresholds"},
                new String[] {"bogus=1", "bogus"},
                new String[] {"formats=xml", "formats"});
        return Programs.jdks().flatMap(jdk -> cases.stream().map(c -> Arguments.of(jdk, c[0], c[1])));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("badOptions")
    void badOptionStopsTheJvmWithOneLine(Path jdk, String options, String named) {
        Fork.Result r = Fork.java(jdk).agent(Programs.agentJar(), options).classpath(Programs.testClasses())
                .args(Programs.PACKAGE + "Hello").in(Programs.runDir("BadOption-" + named, jdk)).run();
        assertNotEquals(0, r.exitCode(), () -> "exit code\n" + r.describe());
        assertFalse(r.stdout().contains("hello="), () -> "main ran\n" + r.describe());
        List<String> lines = r.stderrLines();
        assertEquals(1, lines.size(), () -> "stderr lines\n" + r.describe());
        assertTrue(lines.get(0).contains(named), () -> "the line does not name " + named + "\n" + r.describe());
    }
}
