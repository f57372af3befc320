package dev.refshadow.agent.it;

import dev.refshadow.agent.it.harness.Fork;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Heap stores, bytecode and not: see {@code programs/Stores.java}. */
class StoresIT {
    private static Fork.Result run(Path jdk) {
        return Programs.run("Stores", jdk);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#firstJdk")
    void exitsCleanlyWithoutAnomalies(Path jdk) {
        Fork.Result r = run(jdk).expectExit(0);
        Programs.expectNoAnomalies(r, "Stores", jdk);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void putfieldReleasesTheOldValue(Path jdk) {
        run(jdk).expect("putfield.stored", 2).expect("putfield.old", 1).expect("putfield.new", 2)
                .expect("putfield.cleared", 1).expect("putfield.cycle.rc", 2).expect("putfield.cycle.collected", 1);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void putstaticReleasesTheOldValue(Path jdk) {
        run(jdk).expect("putstatic.stored", 2).expect("putstatic.old", 1).expect("putstatic.new", 2)
                .expect("putstatic.cleared", 1);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void aastoreReleasesTheOldValue(Path jdk) {
        run(jdk).expect("aastore.stored", 2).expect("aastore.old", 1).expect("aastore.new", 2)
                .expect("aastore.cleared", 1);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void cloneOfArraysAndObjects(Path jdk) {
        run(jdk).expect("clone.array.rc", 1).expect("clone.array.element", 3).expect("clone.array.dropped", 2)
                .expect("clone.object.rc", 1).expect("clone.object.field", 4).expect("clone.object.dropped", 2);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void arraycopyCopyOfAndNewInstance(Path jdk) {
        run(jdk).expect("arraycopy.a", 4).expect("arraycopy.c", 3)
                .expect("arraycopy.overlap.a", 5).expect("arraycopy.overlap.b", 4).expect("arraycopy.overlap.c", 2)
                .expect("copyOf.rc", 1).expect("copyOf.a", 7).expect("copies.dropped.a", 2)
                .expect("newInstance.rc", 1).expect("newInstance.tracked", 1).expect("newInstance.element", 3)
                .expect("newInstance.dropped", 2);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void reflectionFieldSet(Path jdk) {
        run(jdk).expect("reflection.set.stored", 2).expect("reflection.set.old", 1).expect("reflection.set.new", 2)
                .expect("reflection.set.cleared", 1);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void serializationRoundTrip(Path jdk) {
        run(jdk).expect("serialization.rc", 2).expect("serialization.next.rc", 1).expect("serialization.tracked", 1)
                .expect("serialization.collected", 4);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void multianewarray(Path jdk) {
        run(jdk).expect("multianewarray.rc", 1).expect("multianewarray.row.rc", 1)
                .expect("multianewarray.row.tracked", 1).expect("multianewarray.collected", 4);
    }
}
