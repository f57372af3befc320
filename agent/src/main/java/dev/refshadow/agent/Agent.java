package dev.refshadow.agent;

import dev.refshadow.agent.instrument.ClassFilter;
import dev.refshadow.agent.instrument.Exclusions;
import dev.refshadow.agent.instrument.RefshadowTransformer;
import dev.refshadow.agent.internal.ReferenceExchanges;
import dev.refshadow.agent.internal.ReleaseWrites;
import dev.refshadow.agent.internal.UnsafeStores;
import dev.refshadow.agent.runtime.AnalyzerThread;
import dev.refshadow.agent.runtime.Barrier;
import dev.refshadow.agent.shadow.ObjectIds;
import dev.refshadow.agent.shadow.Shadow;
import dev.refshadow.agent.verify.Verifier;
import dev.refshadow.agent.verify.WatchingObjectIds;
import dev.refshadow.analyzer.Analyzer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code -javaagent} entry point: opens the modules, starts the analyzer, instruments every class. */
public final class Agent {
    private Agent() {
    }

    public static void premain(String args, Instrumentation inst) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            Runtime.getRuntime().halt(2);
            return;
        }
        start(options, inst);
    }

    private static void start(AgentOptions options, Instrumentation inst) {
        java.time.Instant startedAt = java.time.Instant.now();
        openModules(inst);
        Analyzer analyzer = new Analyzer();
        analyzer.gc.setThreshold(options.thresholds());
        Verifier verifier = Verifier.forOption(options.verify());
        Shadow shadow = new Shadow(analyzer, verifier == null ? new ObjectIds() : new WatchingObjectIds(verifier));
        String traced = System.getProperty("refshadow.trace");
        if (traced != null) {
            analyzer.heap.traceClass(traced, System.err::println);
        }
        RefshadowTransformer transformer = new RefshadowTransformer(
                new ClassFilter(options.include(), options.exclude()));
        initializeBarrierClasses();
        transformer.warmUp();
        inst.addTransformer(transformer, true);
        retransformLoadedClasses(inst, transformer);
        ExitReport exit = new ExitReport(options, inst, shadow, transformer, startedAt, verifier);
        exit.attach();
        AnalyzerThread analyzerThread = AnalyzerThread.start(shadow);
        Runtime.getRuntime().addShutdownHook(new Thread(new ExitHook(analyzerThread, exit), "refshadow-exit"));
    }

    /**
     * The classes instrumented code calls are initialised while nothing is instrumented yet:
     * their static initialisers use JDK code that would otherwise call back into them.
     */
    private static void initializeBarrierClasses() {
        for (Class<?> c : List.of(Barrier.class, ReferenceExchanges.class, UnsafeStores.class,
                ReleaseWrites.class)) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("refshadow: cannot initialise " + c.getName(), e);
            }
        }
    }

    /**
     * Every module of the boot layer reads the barrier's module (the boot loader's unnamed
     * module) and opens its packages to it, so that instrumented code can call the barrier and
     * the shadow can read fields reflectively.
     */
    private static void openModules(Instrumentation inst) {
        Module ours = Barrier.class.getModule();
        for (Module module : ModuleLayer.boot().modules()) {
            Map<String, Set<Module>> opens = new HashMap<>();
            for (String pkg : module.getPackages()) {
                opens.put(pkg, Set.of(ours));
            }
            inst.redefineModule(module, Set.of(ours), opens, opens, Set.of(), Map.of());
        }
    }

    private static void retransformLoadedClasses(Instrumentation inst, RefshadowTransformer transformer) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (inst.isModifiableClass(c) && !c.isHidden() && Exclusions.reason(c.getName().replace('.', '/'), c.getClassLoader()) == null) {
                classes.add(c);
            }
        }
        retransform(inst, transformer, classes);
    }

    /**
     * One retransformation per batch (each costs a safepoint); a batch that fails is split in two
     * until the classes that cannot be retransformed are isolated, and counted.
     */
    private static void retransform(Instrumentation inst, RefshadowTransformer transformer, List<Class<?>> classes) {
        if (classes.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
        } catch (Throwable t) {
            if (classes.size() == 1) {
                transformer.failed.incrementAndGet();
                return;
            }
            int half = classes.size() / 2;
            retransform(inst, transformer, classes.subList(0, half));
            retransform(inst, transformer, classes.subList(half, classes.size()));
        }
    }
}
