package dev.refshadow.agent.it;

import dev.refshadow.agent.it.harness.Fork;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Inner classes, lambdas, pre-agent objects, weak referents, VM-held objects: see {@code programs/VmObjects.java}. */
class VmObjectsIT {
    private static Fork.Result run(Path jdk) {
        return Programs.run("VmObjects", jdk);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#firstJdk")
    void exitsCleanlyWithoutAnomalies(Path jdk) {
        Fork.Result r = run(jdk).expectExit(0);
        Programs.expectNoAnomalies(r, "VmObjects", jdk);
    }

    /** {@code this$0} is stored before {@code super()}: the store is recorded right after it. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void innerClassOuterReference(Path jdk) {
        run(jdk).expect("inner.outer.rc", 2).expect("inner.rc", 1).expect("inner.cycle.collected", 2);
    }

    /** A lambda is a hidden class instance, never offered to the transformer: found by discovery. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void lambdaCapturingThis(Path jdk) {
        run(jdk).expect("lambda.holder.rc", 2).expect("lambda.rc", 1).expect("lambda.tracked", 1)
                .expect("lambda.cycle.collected", 2);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void objectsCreatedBeforeTheAgent(Path jdk) {
        run(jdk).expect("preagent.stored.delta", 1).expect("preagent.cleared.delta", 0)
                .expect("preagent.positive", 1).expect("preagent.tracked", 1).expect("preagent.referents", 1);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void referentsAreWeak(Path jdk) {
        run(jdk).expect("weak.referent.rc", 1).expect("weak.reference.rc", 2).expect("weak.cycle.collected", 0);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void liveThreadsArePinned(Path jdk) {
        run(jdk).expect("pinned.thread.garbage", 0).expect("pinned.thread.self.garbage", 0);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void classesArePinned(Path jdk) {
        run(jdk).expect("pinned.class.value", 1).expect("pinned.class.garbage", 0)
                .expect("pinned.class.self.garbage", 0);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void classLoadersArePinned(Path jdk) {
        run(jdk).expect("pinned.loader.defined", 1).expect("pinned.loader.garbage", 0)
                .expect("pinned.loader.node.garbage", 0);
    }
}
