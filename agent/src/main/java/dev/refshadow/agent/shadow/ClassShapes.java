package dev.refshadow.agent.shadow;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static dev.refshadow.analyzer.heap.ObjectTable.HAS_FINALIZER;

import dev.refshadow.agent.internal.FieldOffsets;
import dev.refshadow.agent.instrument.Exclusions;
import dev.refshadow.agent.runtime.Finalizers;
import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.report.leaks.NameNormalizer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes and caches the {@link ClassShape} of each class seen, by reflection. A class is a
 * container (tracked) when it has an instance field of a reference type other than a primitive
 * array, inherited fields included, or is an array of references (DESIGN.md's vocabulary).
 */
final class ClassShapes {
    private final Analyzer analyzer;
    /** Class to index in {@link #shapes}: the agent's own identity map, not a JDK map (whose code is instrumented). */
    private final ObjectIds indexOf = new ObjectIds();
    private ClassShape[] shapes = new ClassShape[1024];
    private int count = 1;
    private Class<?> lastType;
    private ClassShape lastShape;

    ClassShapes(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    ClassShape of(Class<?> type) {
        if (type == lastType) {
            return lastShape;
        }
        int index = indexOf.get(type);
        ClassShape shape;
        if (index != 0) {
            shape = shapes[index];
        } else {
            shape = compute(type);
            if (count == shapes.length) {
                shapes = java.util.Arrays.copyOf(shapes, count * 2);
            }
            shapes[count] = shape;
            indexOf.put(type, count++);
        }
        lastType = type;
        lastShape = shape;
        return shape;
    }

    private ClassShape compute(Class<?> type) {
        String name = NameNormalizer.normalize(type.getName());
        if (type.isArray()) {
            boolean references = !type.getComponentType().isPrimitive();
            int id = analyzer.defineClass(name, references ? CONTAINER : 0);
            return new ClassShape(id, references, true, new Field[0], new int[0], new long[0], false, false);
        }
        List<Field> fields = new ArrayList<>();
        boolean container = false;
        // The agent's own objects are opaque: the shadow never follows references into them.
        boolean opaque = Exclusions.isAgentClass(type.getName().replace('.', '/'), type.getClassLoader());
        for (Class<?> c = type; c != null && !opaque; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                if (!(f.getType().isArray() && f.getType().getComponentType().isPrimitive())) {
                    container = true;
                }
                if (isWeakReferent(f)) {
                    continue;
                }
                if (trySetAccessible(f)) {
                    fields.add(f);
                }
            }
        }
        int flags = (container ? CONTAINER : 0) | (Finalizers.overridden(type) ? HAS_FINALIZER : 0);
        int id = analyzer.defineClass(name, flags);
        int[] labels = new int[fields.size()];
        long[] offsets = new long[fields.size()];
        for (int i = 0; i < labels.length; i++) {
            Field f = fields.get(i);
            labels[i] = analyzer.label(NameNormalizer.normalize(f.getDeclaringClass().getName()) + "." + f.getName());
            offsets[i] = FieldOffsets.of(f);
        }
        boolean pinned = type == Class.class || ClassLoader.class.isAssignableFrom(type);
        return new ClassShape(id, container, false, fields.toArray(new Field[0]), labels, offsets, type.isHidden(),
                pinned);
    }

    /** {@code Reference.referent} is weak; {@code Reference.discovered} is the VM's own pending list. */
    private static boolean isWeakReferent(Field f) {
        return f.getDeclaringClass() == java.lang.ref.Reference.class
                && (f.getName().equals("referent") || f.getName().equals("discovered"));
    }

    private static boolean trySetAccessible(Field f) {
        try {
            return f.trySetAccessible();
        } catch (SecurityException e) {
            return false;
        }
    }

}
