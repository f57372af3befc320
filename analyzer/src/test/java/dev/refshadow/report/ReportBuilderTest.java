package dev.refshadow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {
    @Test
    void summaryAndGenerationsComeFromTheAnalyzer() {
        LeakProgram p = new LeakProgram();
        p.a.gc.setThreshold(500, 20, 30);
        p.local(0, "com.acme.Kept", null);                  // stays live and tracked
        p.local(1, "com.acme.Dropped", null);
        p.clear(1, null);                                    // freed by refcount
        int discovered = p.a.discover(p.type("com.acme.Hidden$$Lambda"), 0);
        p.a.pin(discovered);                                 // tracked, live
        p.ring(2, "com.acme.Link", 2, null);
        p.clear(2, null);                                    // cyclic garbage
        int freed = p.local(3, "com.acme.Gone", null);
        p.clear(3, null);
        p.a.unpin(freed);                                    // an event on a freed object: an anomaly
        p.a.collect(0);
        p.a.collect();

        Report r = p.report();
        Summary s = r.summary();
        assertEquals(5, s.allocated());
        assertEquals(1, s.discovered());
        assertEquals(2, s.freedByRefcount());
        assertEquals(2, s.cyclicGarbage());
        assertEquals(2, s.trackedObjects());
        assertEquals(1, s.leakGroups());
        assertEquals(List.of(1L, 0L, 1L), s.collections());
        assertEquals(1, s.anomalies().total());
        assertEquals(1L, s.anomalies().byKind().get("freedObjectSeen"));
        assertEquals(new Generation(500, 0, 1, 2, 0), r.generations().get(0));
        assertEquals(new Generation(20, 0, 0, 0, 0), r.generations().get(1));
        assertEquals(new Generation(30, 0, 1, 0, 0), r.generations().get(2));
        assertEquals("refshadow", r.tool().name());
        assertEquals("refshadow-report/1", Report.SCHEMA);
    }

    @Test
    void runInfoOfThisJvm() {
        Instant start = Instant.now().minus(Duration.ofSeconds(2));
        RunInfo run = RunInfo.ofThisJvm(start, Map.of("report", "out/leaks"));
        assertEquals(start, run.start());
        assertTrue(run.durationMillis() >= 2000, String.valueOf(run.durationMillis()));
        assertEquals(System.getProperty("java.runtime.version"), run.jvmVersion());
        assertEquals(System.getProperty("sun.java.command", ""), run.command());
        assertEquals(Map.of("report", "out/leaks"), run.options());
    }
}
