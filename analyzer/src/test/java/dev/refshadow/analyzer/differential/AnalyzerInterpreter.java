package dev.refshadow.analyzer.differential;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;

import dev.refshadow.analyzer.Analyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link Script} on a fresh {@link Analyzer} as the events CPython's statements amount
 * to, and prints the lines the Python program of {@link PythonEmitter} prints.
 *
 * <p>The mapping, statement by statement:
 * <ul>
 *   <li>{@code v = C()} (and {@code Arr()}): {@code allocate}, {@code pushTemp},
 *       {@code safepoint}, {@code storeLocal}, {@code popTemp}. CPython 3.11 runs a due
 *       collection inside the allocation, before the new object is tracked
 *       ({@link Analyzer.Trigger#AT_ALLOCATION}; the safepoint is then a no-op). CPython 3.12
 *       only schedules it and runs it at the eval-breaker check that ends the {@code CALL}
 *       instruction: the new object is tracked and still on the operand stack, and the old
 *       value of {@code v} is only released by the {@code STORE_FAST} that follows
 *       ({@link Analyzer.Trigger#AT_SAFEPOINT}).
 *   <li>{@code h.f = x} and {@code a[i] = x}: {@code storeField}/{@code storeArray}, with the
 *       old value read from this interpreter's own record of every object's fields and slots.
 *   <li>{@code v = w} and {@code v = None}: {@code storeLocal} in the one frame of {@code main()}.
 *   <li>The interpreter's own objects, which an unfreeze brings into play: {@link InterpreterModel}.
 * </ul>
 * Freeze counts are printed without the interpreter's objects; stats are counted from the end
 * of the prelude, where the analyzer's are all zero.
 */
final class AnalyzerInterpreter implements Op.Visitor {
    private static final int THREAD = 0;

    private final Analyzer analyzer = new Analyzer(1 << 12);
    private final InterpreterObjects interpreterObjects;
    private InterpreterModel interpreterModel;
    private final int site = analyzer.site("differential script");
    /** Class ids of {@code C0..Cn}, and the label of each of their fields. */
    private final int[] classes = new int[Script.MAX_FIELDS + 1];
    private final int[][] fieldLabels = new int[Script.MAX_FIELDS + 1][];
    private final int arrayClass = analyzer.defineClass("Arr", CONTAINER);
    /** {@code object}: no GC container, so neither tracked nor counted in count0. */
    private final int atomClass = analyzer.defineClass("object", 0);
    /** Per live object id: the values of its fields or slots (ids are recycled; reset at allocation). */
    private int[][] contents = new int[1 << 12][];
    private final List<String> lines = new ArrayList<>();

    /**
     * @param trigger            when automatic collections run: the CPython version's behaviour
     * @param interpreterObjects the objects CPython's prelude froze (its first output line)
     */
    AnalyzerInterpreter(Analyzer.Trigger trigger, InterpreterObjects interpreterObjects) {
        this.interpreterObjects = interpreterObjects;
        analyzer.setTrigger(trigger);
        for (int fields = 0; fields <= Script.MAX_FIELDS; fields++) {
            classes[fields] = analyzer.defineClass(Script.className(fields), CONTAINER);
            fieldLabels[fields] = new int[fields];
            for (int field = 0; field < fields; field++) {
                fieldLabels[fields][field] = analyzer.label(Script.className(fields) + "." + Script.fieldName(field));
            }
        }
    }

    /** Runs the script; returns the lines it printed. Once per interpreter: it starts from a fresh analyzer. */
    List<String> run(Script script) {
        if (interpreterModel != null) {
            throw new IllegalStateException("an interpreter runs one script");
        }
        interpreterModel = new InterpreterModel(analyzer, interpreterObjects, site);
        analyzer.frameEnter(THREAD, script.variables());
        for (Op op : script.ops()) {
            op.accept(this);
        }
        long anomalies = analyzer.heap.anomalies.total();
        if (anomalies != 0) {
            throw new IllegalStateException("the interpreter fed inconsistent events, anomalies: "
                    + analyzer.heap.anomalies.byKind());
        }
        return List.copyOf(lines);
    }

    /** The analyzer the script ran on. */
    Analyzer analyzer() {
        return analyzer;
    }

    private int local(int variable) {
        return variable == Op.NONE ? 0 : analyzer.local(THREAD, variable);
    }

    /** {@code variable = Class()}: the new object waits on the operand stack for the eval breaker. */
    private void allocateInto(int variable, int classId, int size) {
        int id = analyzer.allocate(classId, site);
        if (id >= contents.length) {
            contents = Arrays.copyOf(contents, Math.max(id + 1, contents.length * 2));
        }
        contents[id] = new int[size];
        analyzer.pushTemp(THREAD, id);
        analyzer.safepoint();
        analyzer.storeLocal(THREAD, variable, id);
        analyzer.popTemp(THREAD, id);
    }

    @Override
    public void newObject(Op.NewObject op) {
        allocateInto(op.variable(), classes[op.fields()], op.fields());
    }

    @Override
    public void newAtom(Op.NewAtom op) {
        allocateInto(op.variable(), atomClass, 0);
    }

    @Override
    public void newArray(Op.NewArray op) {
        // extend() from a list of Nones stores no reference the analyzer counts.
        allocateInto(op.variable(), arrayClass, op.length());
    }

    @Override
    public void setField(Op.SetField op) {
        int holder = local(op.holder());
        int[] fields = contents[holder];
        int value = local(op.value());
        int label = fieldLabels[fields.length][op.field()];
        analyzer.storeField(holder, label, fields[op.field()], value);
        fields[op.field()] = value;
    }

    @Override
    public void setSlot(Op.SetSlot op) {
        int array = local(op.array());
        int[] slots = contents[array];
        int value = local(op.value());
        analyzer.storeArray(array, slots[op.index()], value);
        slots[op.index()] = value;
    }

    @Override
    public void copy(Op.Copy op) {
        analyzer.storeLocal(THREAD, op.target(), local(op.source()));
    }

    @Override
    public void drop(Op.Drop op) {
        analyzer.storeLocal(THREAD, op.variable(), 0);
    }

    @Override
    public void collect(Op.Collect op) {
        long found = op.generation() == Op.ALL_GENERATIONS ? analyzer.collect() : analyzer.collect(op.generation());
        lines.add(OutputLines.collect(op.generation(), found));
    }

    @Override
    public void getCount(Op.GetCount op) {
        lines.add(OutputLines.count(analyzer.gc.getCount()));
    }

    @Override
    public void getStats(Op.GetStats op) {
        lines.add(OutputLines.stats(analyzer.gc.getStats()));
    }

    @Override
    public void getFreezeCount(Op.GetFreezeCount op) {
        lines.add(OutputLines.freezeCount(analyzer.getFreezeCount() - interpreterObjects.frozen()));
    }

    @Override
    public void setThreshold(Op.SetThreshold op) {
        analyzer.gc.setThreshold(op.thresholds().stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public void enable(Op.Enable op) {
        analyzer.gc.enable();
    }

    @Override
    public void disable(Op.Disable op) {
        analyzer.gc.disable();
    }

    @Override
    public void freeze(Op.Freeze op) {
        interpreterModel.freeze();
    }

    @Override
    public void unfreeze(Op.Unfreeze op) {
        interpreterModel.unfreeze();
    }
}
