package dev.refshadow.analyzer.property;

import static dev.refshadow.analyzer.property.Oracle.NULL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Derives a random {@link Program} from a {@link GraphShape}: the same shape always gives the
 * same program. Every object is allocated held by a static (its construction reference), gets
 * its fields assigned (some twice), may receive external references of its own, and loses its
 * construction reference once the program no longer names it.
 */
final class ProgramGenerator {
    /** Local slots of each frame the programs open. */
    static final int LOCALS = 8;
    private static final int NULL_PERCENT = 5;
    private static final int FAR_PERCENT = 20;
    private static final int ARRAY_PERCENT = 30;
    /** Share of arrays that are large, so that some edge blocks outgrow the linear layout. */
    private static final int LARGE_ARRAY_PERCENT = 20;
    private static final int LARGE_ARRAY_MAX_SLOTS = 40;

    /** One assignment of a field: slot {@code slot} of {@code holder} gets {@code target}. */
    private record Assignment(int holder, int slot, int target) {
    }

    private final GraphShape shape;
    private final Random random;
    private final Kind[] kinds;
    private final int[] slotCounts;

    private ProgramGenerator(GraphShape shape) {
        this.shape = shape;
        this.random = new Random(shape.seed());
        this.kinds = new Kind[shape.objects()];
        this.slotCounts = new int[shape.objects()];
        for (int i = 0; i < shape.objects(); i++) {
            kinds[i] = !percent(shape.containerPercent()) ? Kind.BLOB : percent(ARRAY_PERCENT) ? Kind.ARRAY : Kind.NODE;
            boolean large = kinds[i] == Kind.ARRAY && shape.maxSlots() > 0 && percent(LARGE_ARRAY_PERCENT);
            slotCounts[i] = random.nextInt((large ? LARGE_ARRAY_MAX_SLOTS : shape.maxSlots()) + 1);
        }
    }

    /**
     * The whole graph is built before any reference is dropped: objects are allocated in three
     * age groups (collect(1) after the first moves it to generation 2, collect(0) after the second
     * moves that to generation 1), fields are assigned, external references added (statics, locals
     * of an outer frame that stays open, locals of an inner frame that returns), then every
     * construction reference is dropped in random order and the inner frame returns.
     */
    static Program phased(GraphShape shape) {
        return new ProgramGenerator(shape).phased();
    }

    /**
     * Allocations, assignments and drops interleave: a field is assigned once both objects exist,
     * and an object's construction reference is dropped at most {@code maxDelay} allocations after
     * the program last names it, so garbage appears while allocation goes on.
     */
    static Program interleaved(GraphShape shape, int maxDelay) {
        return new ProgramGenerator(shape).interleaved(maxDelay);
    }

    private Program phased() {
        List<Event> events = new ArrayList<>();
        events.add(new Event.EnterFrame(LOCALS));
        allocateInAgeGroups(events);
        assignFieldsTwice(events);
        for (int i = 0; i < shape.objects(); i++) {
            addKeptExternalReferences(i, events);
        }
        events.add(new Event.EnterFrame(LOCALS));
        for (int i = 0; i < shape.objects(); i++) {
            if (percent(shape.externalPercent())) {
                events.add(new Event.StoreLocal(random.nextInt(LOCALS), i));
            }
        }
        List<Integer> drops = new ArrayList<>();
        for (int i = 0; i < shape.objects(); i++) {
            drops.add(i);
        }
        Collections.shuffle(drops, random);
        drops.forEach(i -> events.add(new Event.Unpin(i)));
        events.add(new Event.ExitFrame());
        return new Program(events);
    }

    /** The oldest group ends in generation 2, the next one in generation 1, the rest in 0. */
    private void allocateInAgeGroups(List<Event> events) {
        int n = shape.objects();
        int oldEnd = random.nextInt(n + 1);
        int middleEnd = oldEnd + random.nextInt(n - oldEnd + 1);
        for (int i = 0; i <= n; i++) {
            if (i == oldEnd) {
                events.add(new Event.Collect(1));
            }
            if (i == middleEnd) {
                events.add(new Event.Collect(0));
            }
            if (i < n) {
                events.add(new Event.Allocate(i, kinds[i]));
            }
        }
    }

    /** Every field once, in random order, then the second assignments, in random order. */
    private void assignFieldsTwice(List<Event> events) {
        List<Assignment> first = new ArrayList<>();
        List<Assignment> second = new ArrayList<>();
        for (List<Assignment> history : fieldHistories()) {
            first.add(history.get(0));
            second.addAll(history.subList(1, history.size()));
        }
        Collections.shuffle(first, random);
        Collections.shuffle(second, random);
        FieldValues fields = new FieldValues();
        first.forEach(a -> events.add(fields.store(a)));
        second.forEach(a -> events.add(fields.store(a)));
    }

    private Program interleaved(int maxDelay) {
        int n = shape.objects();
        List<List<Assignment>> assignmentsAt = buckets(n + maxDelay);
        List<List<Integer>> dropsAt = buckets(n + 2 * maxDelay);
        int[] lastUse = new int[n];
        for (int i = 0; i < n; i++) {
            lastUse[i] = i;
        }
        for (List<Assignment> history : fieldHistories()) {
            // Once holder and target exist; a second assignment comes up to maxDelay later.
            int time = Math.max(history.get(0).holder(), history.get(0).target());
            schedule(history.get(0), time, assignmentsAt, lastUse);
            for (Assignment a : history.subList(1, history.size())) {
                time = Math.max(time, a.target()) + random.nextInt(maxDelay + 1);
                schedule(a, time, assignmentsAt, lastUse);
            }
        }
        for (int i = 0; i < n; i++) {
            dropsAt.get(lastUse[i] + random.nextInt(maxDelay + 1)).add(i);
        }
        List<Event> events = new ArrayList<>();
        events.add(new Event.EnterFrame(LOCALS));
        FieldValues fields = new FieldValues();
        for (int time = 0; time < dropsAt.size(); time++) {
            if (time < n) {
                events.add(new Event.Allocate(time, kinds[time]));
                addKeptExternalReferences(time, events);
            }
            if (time < assignmentsAt.size()) {
                assignmentsAt.get(time).forEach(a -> events.add(fields.store(a)));
            }
            dropsAt.get(time).forEach(i -> events.add(new Event.Unpin(i)));
        }
        return new Program(events);
    }

    private void schedule(Assignment a, int time, List<List<Assignment>> assignmentsAt, int[] lastUse) {
        assignmentsAt.get(time).add(a);
        lastUse[a.holder()] = Math.max(lastUse[a.holder()], time);
        if (a.target() != NULL) {
            lastUse[a.target()] = Math.max(lastUse[a.target()], time);
        }
    }

    private static <T> List<List<T>> buckets(int size) {
        List<List<T>> buckets = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            buckets.add(new ArrayList<>());
        }
        return buckets;
    }

    /** The assignments of every field of every object, in order: all once, some twice. */
    private List<List<Assignment>> fieldHistories() {
        List<List<Assignment>> histories = new ArrayList<>();
        for (int holder = 0; holder < shape.objects(); holder++) {
            for (int slot = 0; slot < slotCounts[holder]; slot++) {
                List<Assignment> history = new ArrayList<>(2);
                history.add(new Assignment(holder, slot, target(holder)));
                if (percent(shape.overwritePercent())) {
                    history.add(new Assignment(holder, slot, target(holder)));
                }
                histories.add(history);
            }
        }
        return histories;
    }

    /** Mostly a neighbour in allocation order (many small cycles), sometimes anything, sometimes null. */
    private int target(int holder) {
        if (percent(NULL_PERCENT)) {
            return NULL;
        }
        int n = shape.objects();
        if (percent(FAR_PERCENT)) {
            return random.nextInt(n);
        }
        int window = Math.min(shape.locality(), n);
        return Math.floorMod(holder + random.nextInt(2 * window + 1) - window, n);
    }

    /**
     * Statics (with multiplicity), which the program never drops, and locals of the outer frame,
     * which stay until a later store to the same local replaces them.
     */
    private void addKeptExternalReferences(int index, List<Event> events) {
        if (!percent(shape.externalPercent())) {
            return;
        }
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            events.add(random.nextBoolean() ? new Event.Pin(index) : new Event.StoreLocal(random.nextInt(LOCALS), index));
        }
    }

    private boolean percent(int percent) {
        return random.nextInt(100) < percent;
    }

    /** What every field holds so far, so that each store names the value it replaces. */
    private final class FieldValues {
        private final int[][] values = new int[shape.objects()][];

        Event.Store store(Assignment a) {
            if (values[a.holder()] == null) {
                values[a.holder()] = new int[slotCounts[a.holder()]];
                Arrays.fill(values[a.holder()], NULL);
            }
            int old = values[a.holder()][a.slot()];
            values[a.holder()][a.slot()] = a.target();
            return new Event.Store(a.holder(), kinds[a.holder()].field(a.slot()), old, a.target());
        }
    }
}
