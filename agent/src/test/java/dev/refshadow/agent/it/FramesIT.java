package dev.refshadow.agent.it;

import dev.refshadow.agent.it.harness.Fork;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Locals, arguments, frames and operand-stack temporaries: see {@code programs/Frames.java}. */
class FramesIT {
    private static Fork.Result run(Path jdk) {
        return Programs.run("Frames", jdk);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#firstJdk")
    void exitsCleanlyWithoutAnomalies(Path jdk) {
        Fork.Result r = run(jdk).expectExit(0);
        Programs.expectNoAnomalies(r, "Frames", jdk);
    }

    /** {@code Node a = new Node(); Gc.getRefCount(a) == 1}: the temporary is not counted twice. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void freshObjectInALocalCountsOnce(Path jdk) {
        run(jdk).expect("local.new", 1).expect("local.copy", 2).expect("local.cleared", 1)
                .expect("local.tracked", 1).expect("local.dropped.collected", 0);
    }

    /** {@code foo(new Node())}: inside foo the count is 1; an argument counts while its frame lives. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void argumentsCountWhileTheFrameLives(Path jdk) {
        run(jdk).expect("argument.local", 2).expect("argument.fresh", 1).expect("argument.after", 1);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void frameExitReleasesLocals(Path jdk) {
        run(jdk).expect("frame.locals.inside", 4).expect("frame.exit", 1);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void exceptionalFrameExitReleasesLocals(Path jdk) {
        run(jdk).expect("frame.exceptional.inside", 5).expect("frame.exceptional", 1);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void slotOverwrittenByAPrimitive(Path jdk) {
        run(jdk).expect("slot.reference.before", 3).expect("slot.reference", 2);
    }

    /** {@code return new X()} stored into the caller's local: RC 1. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void returnedObjectCountsOnce(Path jdk) {
        run(jdk).expect("return.fresh", 1).expect("return.local", 1).expect("return.passed", 1)
                .expect("return.field", 1).expect("return.discarded.collected", 0);
    }

    /** {@code map.put(new K(), new V())} with collections running inside {@code new V()}: K survives. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void stackTemporarySurvivesCollections(Path jdk) {
        run(jdk).expect("stack.collections", 1).expect("stack.map.key.garbage", 0)
                .expect("stack.map.value.garbage", 0).expect("stack.map.key.rc", 2);
    }

    /** A value left on the stack across a call that allocates and collects. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void stackValueAcrossAnAllocatingCall(Path jdk) {
        run(jdk).expect("stack.argument.inside", 1).expect("stack.argument.tracked", 1)
                .expect("stack.churn.garbage", 200);
    }

    /** {@code keepFirst(new Node(), new Allocating())}: the first temporary is counted once. */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void stackValueAcrossAnAllocatingConstructor(Path jdk) {
        run(jdk).expect("stack.argument.constructor", 1);
    }

    /**
     * Temporaries passed to code that is not instrumented (the Gc API): {@code Gc.getRefCount(map.get(k))}
     * does not count its argument, the varargs array of {@code Gc.getReferrers(x)} is released, and
     * the list it returns counts once and goes when dropped.
     */
    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void temporariesPassedToTheGcApi(Path jdk) {
        run(jdk).expect("stack.map.value.rc", 1).expect("gcapi.referrers.holder", 1).expect("gcapi.result.rc", 1)
                .expect("gcapi.result.holder", 2).expect("gcapi.result.dropped", 1).expect("gcapi.varargs.dropped", 2);
    }
}
