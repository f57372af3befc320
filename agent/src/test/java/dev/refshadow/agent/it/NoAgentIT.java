package dev.refshadow.agent.it;

import dev.refshadow.agent.it.harness.Fork;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Gc API on the class path of a JVM started without {@code -javaagent}. */
class NoAgentIT {
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void everyCallSaysHowToAttachTheAgent(Path jdk) {
        Fork.Result r = Fork.java(jdk).classpath(Programs.agentJar(), Programs.testClasses())
                .args(Programs.PACKAGE + "NoAgent").in(Programs.runDir("NoAgent", jdk)).runOnce();
        r.expectExit(0);
        for (String call : new String[] {"collect", "getRefCount", "getCount", "isEnabled"}) {
            r.expect(call + ".thrown", IllegalStateException.class.getName())
                    .expect(call + ".names.javaagent", true).expect(call + ".names.jar", true);
        }
    }
}
