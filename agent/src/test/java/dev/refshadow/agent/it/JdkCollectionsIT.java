package dev.refshadow.agent.it;

import dev.refshadow.agent.it.harness.Fork;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** java.base's collections and atomics, instrumented at start-up: see {@code programs/JdkCollections.java}. */
class JdkCollectionsIT {
    private static Fork.Result run(Path jdk) {
        return Programs.run("JdkCollections", jdk);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#firstJdk")
    void exitsCleanlyWithoutAnomalies(Path jdk) {
        Fork.Result r = run(jdk).expectExit(0);
        Programs.expectNoAnomalies(r, "JdkCollections", jdk);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void arrayListGrowth(Path jdk) {
        run(jdk).expect("arraylist.grown.first", 2).expect("arraylist.grown.repeated", 100)
                .expect("arraylist.removed", 1).expect("arraylist.shifted", 100)
                .expect("arraylist.dropped.first", 1).expect("arraylist.dropped.repeated", 1)
                .expect("arraylist.dropped.collected", 0);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void hashMapResize(Path jdk) {
        run(jdk).expect("hashmap.resized.key", 2).expect("hashmap.resized.value", 102)
                .expect("hashmap.removed.key", 1).expect("hashmap.removed.value", 101)
                .expect("hashmap.dropped.value", 1).expect("hashmap.dropped.collected", 0);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void hashMapKeySetViewMakesACycle(Path jdk) {
        run(jdk).expect("hashmap.keyset.collected", 6);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void treeMapEntriesAreCyclic(Path jdk) {
        run(jdk).expect("treemap.single.collected", 0).expect("treemap.three.collected", 3);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void linkedListNodesAreCyclic(Path jdk) {
        run(jdk).expect("linkedlist.collected", 3);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void concurrentHashMap(Path jdk) {
        run(jdk).expect("chm.key", 2).expect("chm.value", 2).expect("chm.resized.key", 2)
                .expect("chm.resized.value", 102).expect("chm.removed.key", 1).expect("chm.cleared.value", 1)
                .expect("chm.dropped.value", 1).expect("chm.dropped.collected", 0);
    }

    @ParameterizedTest
    @MethodSource("dev.refshadow.agent.it.Programs#jdks")
    void atomicReferences(Path jdk) {
        run(jdk).expect("atomic.set", 2).expect("atomic.cas.old", 1).expect("atomic.cas.new", 2)
                .expect("atomic.getAndSet.old", 1).expect("atomic.getAndSet.new", 2).expect("atomic.lazySet", 1)
                .expect("atomic.array.set", 2).expect("atomic.array.cas.old", 1).expect("atomic.array.cas.new", 2)
                .expect("atomic.dropped", 1);
    }
}
