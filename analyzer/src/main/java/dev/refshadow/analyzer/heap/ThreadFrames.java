package dev.refshadow.analyzer.heap;

import java.util.Arrays;

/**
 * The live frames of one application thread: local-variable slots (arguments included) and
 * operand-stack temporaries. Every reference held there counts as an external reference.
 */
public final class ThreadFrames {
    private final ShadowHeap heap;
    private int[] slots = new int[64];
    private int slotTop;
    /** Per frame: where its slots start, how many it has, where its temporaries start. */
    private int[] frameSlotBase = new int[16];
    private int[] frameSlotCount = new int[16];
    private int[] frameTempBase = new int[16];
    /** Per frame: its {@link CallPaths} node. */
    private int[] framePath = new int[16];
    private int depth;
    private int[] temps = new int[16];
    private int tempTop;

    public ThreadFrames(ShadowHeap heap) {
        this.heap = heap;
    }

    /**
     * Method {@code method} (a site id, 0 if unknown) starts: reserves {@code maxLocals} slots,
     * all null, and extends the thread's call path.
     */
    public void enter(int maxLocals, int method) {
        if (depth == frameSlotBase.length) {
            frameSlotBase = Arrays.copyOf(frameSlotBase, depth * 2);
            frameSlotCount = Arrays.copyOf(frameSlotCount, depth * 2);
            frameTempBase = Arrays.copyOf(frameTempBase, depth * 2);
            framePath = Arrays.copyOf(framePath, depth * 2);
        }
        if (slotTop + maxLocals > slots.length) {
            slots = Arrays.copyOf(slots, Math.max(slots.length * 2, slotTop + maxLocals));
        }
        frameSlotBase[depth] = slotTop;
        frameSlotCount[depth] = maxLocals;
        frameTempBase[depth] = tempTop;
        framePath[depth] = heap.callPaths.enter(path(), method);
        depth++;
        Arrays.fill(slots, slotTop, slotTop + maxLocals, 0);
        slotTop += maxLocals;
    }

    /** A method returns or unwinds: every slot and leftover temporary of its frame is released. */
    public void exit() {
        if (depth == 0) {
            heap.anomalies.record(Anomalies.Kind.UNBALANCED_FRAME);
            return;
        }
        depth--;
        int base = frameSlotBase[depth];
        for (int i = base; i < slotTop; i++) {
            heap.decRef(slots[i]);
            slots[i] = 0;
        }
        slotTop = base;
        for (int i = frameTempBase[depth]; i < tempTop; i++) {
            heap.decRef(temps[i]);
        }
        tempTop = frameTempBase[depth];
    }

    /**
     * The method returns (or unwinds with) {@code id}: it becomes a temporary of the caller.
     * The caller's count is taken before the frame's own references are released.
     */
    public void exitPassing(int id) {
        if (id != 0 && heap.isLiveOrNull(id)) {
            heap.incRef(id);
            exit();
            appendTemp(id);
        } else {
            exit();
        }
    }

    /** The current frame's temporaries were consumed (a new source line starts). */
    public void releaseTemps() {
        int floor = depth == 0 ? 0 : frameTempBase[depth - 1];
        for (int i = floor; i < tempTop; i++) {
            heap.decRef(temps[i]);
        }
        tempTop = floor;
    }

    /** {@code astore slot} (or a primitive store, with {@code value} 0) in the current frame. */
    public void storeLocal(int slot, int value) {
        if (depth == 0 || slot < 0 || slot >= frameSlotCount[depth - 1]) {
            heap.anomalies.record(Anomalies.Kind.UNBALANCED_FRAME);
            return;
        }
        if (!heap.isLiveOrNull(value)) {
            value = 0;
        }
        int at = frameSlotBase[depth - 1] + slot;
        int old = slots[at];
        slots[at] = value;
        heap.incRef(value);
        heap.decRef(old);
    }

    /**
     * An argument arrives in the new frame's slot. Passing it consumed the caller's operand
     * stack: if the caller held it as a temporary ({@code foo(new Node())}), that count moves
     * to the slot instead of being taken twice.
     */
    public void storeArgument(int slot, int value) {
        if (depth >= 2 && value != 0 && takeCallerTemp(value)) {
            int at = frameSlotBase[depth - 1] + slot;
            if (slot >= 0 && slot < frameSlotCount[depth - 1] && slots[at] == 0) {
                slots[at] = value;
                return;
            }
            heap.decRef(value); // not a fresh slot: fall back to an ordinary store
        }
        storeLocal(slot, value);
    }

    /** Removes one temporary {@code id} of the caller frame, if it has one; the new frame has none yet. */
    private boolean takeCallerTemp(int id) {
        int callerBase = frameTempBase[depth - 2];
        int callerEnd = frameTempBase[depth - 1];
        if (callerEnd != tempTop) {
            return false;
        }
        for (int i = callerEnd - 1; i >= callerBase; i--) {
            if (temps[i] == id) {
                temps[i] = temps[callerEnd - 1];
                tempTop--;
                frameTempBase[depth - 1]--;
                return true;
            }
        }
        return false;
    }

    /** The value of a local slot of the current frame (0 for null or no frame). */
    public int local(int slot) {
        if (depth == 0 || slot < 0 || slot >= frameSlotCount[depth - 1]) {
            return 0;
        }
        return slots[frameSlotBase[depth - 1] + slot];
    }

    /** A reference is left on the operand stack (fresh object, returned value). */
    public void pushTemp(int id) {
        if (id == 0 || !heap.isLiveOrNull(id)) {
            return;
        }
        heap.incRef(id);
        appendTemp(id);
    }

    private void appendTemp(int id) {
        if (tempTop == temps.length) {
            temps = Arrays.copyOf(temps, tempTop * 2);
        }
        temps[tempTop++] = id;
    }

    /** The instruction that consumed a temporary has taken its own count: drop the temporary's. */
    public void popTemp(int id) {
        if (id != 0 && !consumeTemp(id)) {
            heap.anomalies.record(Anomalies.Kind.UNKNOWN_TEMPORARY, heap.describe(id));
        }
    }

    /**
     * Drops one temporary {@code id} of the current frame if it holds one; returns whether it
     * did. For consumers that cannot know (a store right after a call: the callee may have
     * returned a value the caller never held as a temporary).
     */
    public boolean consumeTemp(int id) {
        int floor = depth == 0 ? 0 : frameTempBase[depth - 1];
        for (int i = tempTop - 1; i >= floor; i--) {
            if (temps[i] == id) {
                temps[i] = temps[--tempTop];
                heap.decRef(id);
                return true;
            }
        }
        return false;
    }

    /** Whether the current frame holds {@code id} as a temporary. */
    public boolean holdsTemp(int id) {
        int floor = depth == 0 ? 0 : frameTempBase[depth - 1];
        for (int i = tempTop - 1; i >= floor; i--) {
            if (temps[i] == id) {
                return true;
            }
        }
        return false;
    }

    public int depth() {
        return depth;
    }

    /** The {@link CallPaths} node of the live frames; 0 outside any frame. */
    public int path() {
        return depth == 0 ? 0 : framePath[depth - 1];
    }

    /** Releases everything: the thread ended. */
    public void exitAll() {
        while (depth > 0) {
            exit();
        }
        for (int i = 0; i < tempTop; i++) {
            heap.decRef(temps[i]);
        }
        tempTop = 0;
    }
}
