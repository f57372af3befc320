package dev.refshadow.agent.runtime;

import static dev.refshadow.agent.runtime.EventKind.*;

import dev.refshadow.agent.shadow.Shadow;
import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.gc.IntList;
import java.util.Arrays;

/** Applies the events of application threads to the shadow, in each thread's order. Analyzer thread only. */
final class EventApplier {
    private final Shadow shadow;
    private final Analyzer analyzer;
    /** Per thread index: the value its last frame returned, until the caller's RETURNED claims it. */
    private int[] pendingReturn = new int[64];
    /** Per thread index: hidden-class objects under construction, whose fields are read at the thread's next event. */
    private IntList[] underConstruction = new IntList[64];
    private int[] labelOfSymbol = new int[1024];
    private int[] siteOfSymbol = new int[1024];

    EventApplier(Shadow shadow) {
        this.shadow = shadow;
        this.analyzer = shadow.analyzer;
    }

    /** Applies event {@code i} of chunk {@code b} of thread {@code t}, then clears its slot. */
    void apply(EventChunk b, int i, int t) {
        ensureThread(t);
        int kind = b.kinds[i];
        int arg = b.args[i];
        int site = site(b.sites[i]);
        int r = i * 3;
        Object r0 = b.refs[r];
        Object r1 = b.refs[r + 1];
        Object r2 = b.refs[r + 2];
        b.refs[r] = null;
        b.refs[r + 1] = null;
        b.refs[r + 2] = null;
        if (kind != CONSTRUCTED && underConstruction[t].size() > 0) {
            finishConstructions(t);
        }
        analyzer.setEventSite(t, site);
        switch (kind) {
            case CONSTRUCTED -> constructed(t, r0, arg);
            case ALLOCATED -> analyzer.setSite(shadow.idOf(r0), site(arg));
            case NEW_ARRAY -> {
                int id = shadow.knows(r0) ? shadow.idOf(r0) : shadow.allocate(r0, site(arg));
                analyzer.pushTemp(t, id);
            }
            case PUT_FIELD -> {
                int holder = shadow.idOf(r0);
                int label = label(arg);
                shadow.confirmField(holder, label, r1);
                analyzer.storeField(holder, label, shadow.replacedValue(holder, label, r1), shadow.idOf(r2));
            }
            case PUT_STATIC -> analyzer.storeStatic(shadow.replacedValue(0, 0, r1), shadow.idOf(r2));
            case ARRAY_STORE -> {
                int array = shadow.idOf(r0);
                if (!shadow.alreadyAppliedToArray(array, analyzer.arraySlot(), r1, r2)) {
                    analyzer.storeArray(array, shadow.replacedValue(array, analyzer.arraySlot(), r1), shadow.idOf(r2));
                }
            }
            case ENTER -> {
                pendingReturn[t] = 0;
                analyzer.frameEnter(t, arg, site); // an ENTER's site is its method
            }
            case STORE_LOCAL -> analyzer.storeLocal(t, arg, shadow.idOf(r0));
            case ARGUMENT -> analyzer.storeArgument(t, arg, shadow.idOf(r0));
            case HELD_BY_VM -> analyzer.pin(shadow.idOf(r0));
            case LOCAL_FROM_TEMP -> analyzer.storeLocalFromTemp(t, arg, shadow.idOf(r0));
            case TEMP_DROPPED -> analyzer.dropTemp(t, shadow.idOf(r0));
            case EXIT -> {
                pendingReturn[t] = 0;
                analyzer.frameExit(t);
            }
            case EXIT_RETURNING -> {
                int id = shadow.idOf(r0);
                analyzer.frameExitPassing(t, id);
                pendingReturn[t] = id;
            }
            case EXIT_THROWING -> {
                pendingReturn[t] = 0;
                analyzer.frameExitPassing(t, shadow.idOf(r0));
            }
            case RETURNED -> {
                int id = shadow.idOf(r0);
                if (pendingReturn[t] != id) {
                    analyzer.pushTemp(t, id);
                }
                pendingReturn[t] = 0;
            }
            case RELEASE_TEMPS -> analyzer.releaseTemps(t);
            case ARRAY_COPY -> arrayCopy(r0, (Object[]) r1, (Object[]) r2);
            case CLONED -> cloned(t, r0, (Object[]) r1);
            case UNSAFE_STORE -> unsafeStore(r0, b.longs[i], r1, r2);
            case WEAK_REFERENT -> analyzer.setWeakReferent(shadow.idOf(r0), r1 == null ? 0 : shadow.idOf(r1));
            default -> throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    /**
     * {@code Object.<init>} ran: the object exists, on the operand stack of the frame that
     * executed {@code new} (constructors enter their frame only once {@code super()} returned,
     * so that is the current frame): it is that frame's temporary.
     */
    private void constructed(int t, Object o, int site) {
        if (shadow.knows(o)) {
            return; // seen first through another thread's events: it stays discovered
        }
        int id = shadow.allocate(o, site(site));
        analyzer.pushTemp(t, id);
        if (shadow.readsFieldsAfterConstruction(o)) {
            underConstruction[t].add(id);
        }
    }

    /** The thread moved on: the hidden-class objects it was building are complete. */
    private void finishConstructions(int t) {
        IntList pending = underConstruction[t];
        for (int k = 0; k < pending.size(); k++) {
            int id = pending.get(k);
            Object o = shadow.objectOf(id);
            if (o != null) {
                shadow.readFields(id, o);
            }
        }
        pending.clear();
    }

    private void arrayCopy(Object array, Object[] before, Object[] after) {
        int id = shadow.idOf(array);
        int slot = analyzer.arraySlot();
        for (int k = 0; k < after.length; k++) {
            Object old = before == null ? null : before[k];
            Object now = after[k];
            if (old != now) {
                analyzer.storeArray(id, shadow.replacedValue(id, slot, old), shadow.idOf(now));
            }
        }
    }

    /**
     * A store through Unsafe into a field or slot. A Class holder (a static field, or one of the
     * Class object's own fields such as its reflection cache) is recorded as a field of the
     * pinned Class object: either way the VM holds it.
     */
    private void unsafeStore(Object holder, long offset, Object old, Object now) {
        int id = shadow.idOf(holder);
        int label = shadow.labelAt(holder, offset);
        if (holder instanceof Object[]) {
            if (!shadow.alreadyAppliedToArray(id, label, old, now)) {
                analyzer.storeField(id, label, shadow.replacedValue(id, label, old), shadow.idOf(now));
            }
            return;
        }
        shadow.confirmField(id, label, old);
        analyzer.storeField(id, label, shadow.replacedValue(id, label, old), shadow.idOf(now));
    }

    private void cloned(int t, Object copy, Object[] slots) {
        int id;
        if (shadow.knows(copy)) {
            id = shadow.idOf(copy);
        } else {
            id = shadow.allocate(copy, 0);
            if (slots != null) {
                shadow.readSlots(id, slots);
            } else {
                shadow.readClonedFields(id, copy);
            }
        }
        analyzer.pushTemp(t, id);
    }

    private int label(int symbol) {
        if (symbol >= labelOfSymbol.length) {
            labelOfSymbol = Arrays.copyOf(labelOfSymbol, Math.max(symbol + 1, labelOfSymbol.length * 2));
        }
        int label = labelOfSymbol[symbol];
        if (label == 0) {
            label = analyzer.label(Symbols.name(symbol));
            labelOfSymbol[symbol] = label;
        }
        return label;
    }

    private int site(int symbol) {
        if (symbol == 0) {
            return 0;
        }
        if (symbol >= siteOfSymbol.length) {
            siteOfSymbol = Arrays.copyOf(siteOfSymbol, Math.max(symbol + 1, siteOfSymbol.length * 2));
        }
        int site = siteOfSymbol[symbol];
        if (site == 0) {
            site = analyzer.site(Symbols.name(symbol));
            siteOfSymbol[symbol] = site;
        }
        return site;
    }

    private void ensureThread(int t) {
        if (t >= pendingReturn.length) {
            pendingReturn = Arrays.copyOf(pendingReturn, Math.max(t + 1, pendingReturn.length * 2));
            underConstruction = Arrays.copyOf(underConstruction, pendingReturn.length);
        }
        if (underConstruction[t] == null) {
            underConstruction[t] = new IntList();
        }
    }

    /** A thread ended and its events were applied: its frames are released. */
    void threadEnded(int t) {
        ensureThread(t);
        finishConstructions(t);
        pendingReturn[t] = 0;
        analyzer.threadEnded(t);
    }
}
