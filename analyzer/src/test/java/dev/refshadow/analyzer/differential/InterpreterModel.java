package dev.refshadow.analyzer.differential;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.gc.CollectionInfo;
import dev.refshadow.analyzer.heap.GcList;

/**
 * The CPython interpreter's own objects (classes, functions, modules, ...), as the analyzer
 * sees them.
 *
 * <p>CPython's prelude freezes them (see {@link PythonEmitter}), and as long as they stay in the
 * permanent generation they are invisible to counts and collections. A script's
 * {@code gc.unfreeze()} moves them into generation 2, though, with the script's frozen
 * objects: there they count in {@code long_lived_total} after the next full collection, which
 * decides by the 25 % rule whether later automatic collections of generation 2 run, and a later
 * {@code gc.freeze()} freezes them again. Forbidding unfreeze would leave that path untested, so
 * they are modelled: as many containers as CPython reported, each pinned (externally
 * referenced, so never garbage, as the interpreter's objects are), allocated with collection
 * disabled and then frozen, which leaves counts at (0, 0, 0) like CPython's prelude. The
 * Python prelude makes sure no full collection untracks any of them later.
 *
 * <p>CPython 3.12's {@code update_refs} moves every immortal object it meets to the permanent
 * generation. The immortal ones among the interpreter's objects therefore leave generation 2
 * again at the start of the first collection of generation 2 after an unfreeze; a gc callback
 * at the start of each collection does the same here.
 */
final class InterpreterModel {
    private final Analyzer analyzer;
    private final int[] immortal;
    /** Whether an unfreeze moved the immortal objects into generation 2 and no collection of it ran since. */
    private boolean immortalInGeneration2;

    InterpreterModel(Analyzer analyzer, InterpreterObjects objects, int site) {
        this.analyzer = analyzer;
        this.immortal = new int[objects.immortal()];
        int klass = analyzer.defineClass("interpreter object", CONTAINER);
        analyzer.gc.disable();
        for (int i = 0; i < objects.frozen(); i++) {
            int id = analyzer.allocate(klass, site);
            analyzer.pin(id);
            if (i < immortal.length) {
                immortal[i] = id;
            }
        }
        analyzer.freeze();
        analyzer.gc.enable();
        analyzer.gc.callbacks().add(this::beforeCollection);
    }

    /** {@code gc.unfreeze()}. */
    void unfreeze() {
        analyzer.unfreeze();
        immortalInGeneration2 = immortal.length > 0;
    }

    /** {@code gc.freeze()}. */
    void freeze() {
        analyzer.freeze();
        immortalInGeneration2 = false;
    }

    private void beforeCollection(String phase, CollectionInfo info) {
        if (immortalInGeneration2 && phase.equals("start") && info.generation() == 2) {
            for (int id : immortal) {
                analyzer.heap.lists.move(id, GcList.PERMANENT);
            }
            immortalInGeneration2 = false;
        }
    }
}
