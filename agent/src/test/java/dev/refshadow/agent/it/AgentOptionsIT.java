package dev.refshadow.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.agent.it.harness.Fork;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad agent option stops the JVM before main, with one line naming the option and exit code 2. */
class AgentOptionsIT {
    static Stream<Arguments> badOptions() {
        List<String[]> cases = List.of(
                new String[] {"thresholds=abc", "thresholds"},
                new String[] {"bogus=1", "bogus"},
                new String[] {"formats=xml", "formats"},
                new String[] {"verify=yes", "verify"},
                new String[] {"verify=sample:0", "verify"},
                new String[] {"verify=sample:", "verify"},
                new String[] {"verify=sample:9999999999", "verify"});
        return Programs.jdks().flatMap(jdk -> cases.stream().map(c -> Arguments.of(jdk, c[0], c[1])));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("badOptions")
    void badOptionStopsTheJvmWithOneLine(Path jdk, String options, String named) {
        Fork.Result r = Fork.java(jdk).agent(Programs.agentJar(), options).classpath(Programs.testClasses())
                .args(Programs.PACKAGE + "Hello")
                .in(Programs.runDir("BadOption-" + options.replaceAll("[^A-Za-z0-9]", "_"), jdk)).run();
        assertEquals(2, r.exitCode(), () -> "exit code\n" + r.describe());
        assertFalse(r.stdout().contains("hello="), () -> "main ran\n" + r.describe());
        List<String> lines = r.stderrLines();
        assertEquals(1, lines.size(), () -> "stderr lines\n" + r.describe());
        assertTrue(lines.get(0).contains(named), () -> "the line does not name " + named + "\n" + r.describe());
    }
}
