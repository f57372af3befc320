package dev.refshadow.report;

import static dev.refshadow.report.json.JsonWriter.object;

import dev.refshadow.report.LeakGroup.ClassCount;
import dev.refshadow.report.LeakGroup.ClosingWrite;
import dev.refshadow.report.LeakGroup.CycleEdge;
import dev.refshadow.report.LeakGroup.SiteCount;
import dev.refshadow.report.LeakGroup.WeakEdgeSuggestion;
import dev.refshadow.report.json.Json;
import dev.refshadow.report.json.JsonException;
import dev.refshadow.report.json.JsonSchema;
import dev.refshadow.report.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The report's JSON form ({@value Report#SCHEMA}): {@link #toJson} and {@link #read}, which
 * validates against the schema in this package's resources before anything else looks at the
 * content. Unknown properties are accepted (fields are only ever added) and ignored.
 */
public final class ReportJson {
    public static final String SCHEMA_RESOURCE = "refshadow-report-1.schema.json";
    private static final JsonSchema SCHEMA = loadSchema();

    private ReportJson() {
    }

    /** The schema every report is checked against. */
    public static JsonSchema schema() {
        return SCHEMA;
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ReportJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            }
            return JsonSchema.of(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonException e) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is not JSON: " + e.getMessage(), e);
        }
    }

    public static void write(Report report, Appendable out) throws IOException {
        JsonWriter.write(toJson(report), out);
    }

    // ------------------------------------------------------------------ writing

    public static Map<String, Object> toJson(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", Report.SCHEMA);
        m.put("tool", object("name", r.tool().name(), "version", r.tool().version()));
        RunInfo run = r.run();
        m.put("run", object("command", run.command(), "jvmVersion", run.jvmVersion(), "start", run.start().toString(),
                "durationMillis", run.durationMillis(), "options", new TreeMap<>(run.options())));
        Summary s = r.summary();
        Map<String, Object> anomalies = new LinkedHashMap<>();
        anomalies.put("total", s.anomalies().total());
        anomalies.putAll(s.anomalies().byKind());
        m.put("summary", object("trackedObjects", s.trackedObjects(), "allocated", s.allocated(),
                "discovered", s.discovered(), "freedByRefcount", s.freedByRefcount(),
                "cyclicGarbage", s.cyclicGarbage(), "leakGroups", s.leakGroups(),
                "collections", s.collections(), "anomalies", anomalies));
        m.put("generations", map(r.generations(), g -> object("threshold", g.threshold(), "count", g.count(),
                "collections", g.collections(), "collected", g.collected(), "uncollectable", g.uncollectable())));
        m.put("leaks", map(r.leaks(), ReportJson::leakGroup));
        Verification v = r.verification();
        if (v != null) {
            m.put("verification", object("mode", v.mode(), "watched", v.watched(), "reclaimedByJvm", v.reclaimedByJvm(),
                    "agreed", v.agreed(), "agreement", v.agreement(), "keptAliveOutsideCycles", v.keptAliveOutsideCycles(),
                    "prematureFrees", v.prematureFrees(), "discovered", v.discovered()));
        }
        return m;
    }

    private static Map<String, Object> leakGroup(LeakGroup g) {
        Map<String, Object> m = object("fingerprint", g.fingerprint(), "objects", g.objects(), "instances", g.instances(),
                "shallowBytes", g.shallowBytes(), "uncollectable", g.uncollectable(), "finalizers", g.finalizers());
        m.put("classes", map(g.classes(), c -> object("name", c.name(), "count", c.count(),
                "shallowBytes", c.shallowBytes())));
        m.put("cycleLength", (long) g.cycleLength());
        m.put("edges", map(g.edges(), e -> object("from", e.from(), "field", e.field(), "to", e.to(),
                "backEdge", e.backEdge())));
        m.put("allocationSites", map(g.allocationSites(), s -> object("site", s.site(), "count", s.count())));
        ClosingWrite w = g.closingWrite();
        m.put("closingWrite", object("kind", w.kind(), "site", w.site(), "stack", w.stack(),
                "omittedFrames", w.omittedFrames(), "instances", w.instances()));
        WeakEdgeSuggestion s = g.suggestedWeakEdge();
        m.put("suggestedWeakEdge", s == null ? null : object("from", s.from(), "field", s.field(), "to", s.to(),
                "reason", s.reason(), "instancesBroken", s.instancesBroken()));
        return m;
    }


    private static <T> List<Object> map(List<T> items, Function<T, Object> f) {
        List<Object> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(f.apply(i)));
        return out;
    }

    // ------------------------------------------------------------------ reading

    /** Reads and validates a report file; every problem is one {@link ReportInputException} line. */
    public static Report read(Path file) throws ReportInputException {
        String text = InputFiles.readText(file);
        Object tree;
        try {
            tree = Json.parse(text);
        } catch (JsonException e) {
            throw new ReportInputException(file, (e.truncated() ? "is truncated: " : "is not JSON: ") + e.getMessage());
        }
        if (!(tree instanceof Map)) {
            throw new ReportInputException(file, "is not a refshadow report: the JSON is "
                    + JsonSchema.typeOf(tree) + ", not an object");
        }
        Object schema = ((Map<?, ?>) tree).get("schema");
        if (!Report.SCHEMA.equals(schema)) {
            throw new ReportInputException(file, "is not a refshadow report: "
                    + (schema == null ? "no \"schema\" field" : "schema is " + JsonWriter.toString(schema).strip())
                    + ", expected \"" + Report.SCHEMA + "\"");
        }
        List<String> errors = SCHEMA.validate(tree);
        if (!errors.isEmpty()) {
            throw new ReportInputException(file, "does not match " + Report.SCHEMA + ": " + errors.get(0)
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problems)" : ""));
        }
        try {
            return fromJson(new Node(tree));
        } catch (RuntimeException e) {
            throw new ReportInputException(file, "has an unusable value: " + e.getMessage());
        }
    }

    /** A report from its JSON tree, which conforms to the schema. */
    static Report fromJson(Node r) {
        Node run = r.get("run");
        Map<String, String> options = new LinkedHashMap<>();
        run.get("options").fields().forEach((k, v) -> options.put(k, v.text()));
        Node s = r.get("summary");
        Map<String, Long> byKind = new LinkedHashMap<>();
        s.get("anomalies").fields().forEach((k, v) -> {
            if (!k.equals("total")) {
                byKind.put(k, v.number());
            }
        });
        Summary summary = new Summary(s.number("trackedObjects"), s.number("allocated"), s.number("discovered"),
                s.number("freedByRefcount"), s.number("cyclicGarbage"), s.number("leakGroups"),
                s.get("collections").list(Node::number),
                new Summary.AnomalyCounts(s.get("anomalies").number("total"), byKind));
        return new Report(new ToolInfo(r.get("tool").text("name"), r.get("tool").text("version")),
                new RunInfo(run.text("command"), run.text("jvmVersion"), Instant.parse(run.text("start")),
                        run.number("durationMillis"), options),
                summary,
                r.get("generations").list(g -> new Generation(g.number("threshold"), g.number("count"),
                        g.number("collections"), g.number("collected"), g.number("uncollectable"))),
                r.get("leaks").list(ReportJson::leakGroupOf),
                r.get("verification").isNull() ? null : verificationOf(r.get("verification")));
    }

    private static Verification verificationOf(Node v) {
        return new Verification(v.text("mode"), v.number("watched"), v.number("reclaimedByJvm"), v.number("agreed"),
                v.get("agreement").fraction(), v.number("keptAliveOutsideCycles"), v.number("prematureFrees"),
                v.number("discovered"));
    }

    private static LeakGroup leakGroupOf(Node g) {
        Node w = g.get("closingWrite");
        Node s = g.get("suggestedWeakEdge");
        return new LeakGroup(g.text("fingerprint"), g.number("objects"), g.number("instances"),
                g.number("shallowBytes"), g.number("uncollectable"), g.bool("finalizers"),
                g.get("classes").list(c -> new ClassCount(c.text("name"), c.number("count"), c.number("shallowBytes"))),
                Math.toIntExact(g.number("cycleLength")),
                g.get("edges").list(e -> new CycleEdge(e.text("from"), e.text("field"), e.text("to"),
                        e.bool("backEdge"))),
                g.get("allocationSites").list(a -> new SiteCount(a.text("site"), a.number("count"))),
                new ClosingWrite(w.text("kind"), w.text("site"), w.get("stack").list(Node::text),
                        w.get("omittedFrames").isNull() ? 0 : w.number("omittedFrames"), w.number("instances")),
                s.isNull() ? null : new WeakEdgeSuggestion(s.text("from"), s.text("field"), s.text("to"),
                        s.text("reason"), s.number("instancesBroken")));
    }

    /** A typed view of a parsed JSON value. */
    record Node(Object value) {
        Node get(String key) {
            return new Node(((Map<?, ?>) value).get(key));
        }

        String text(String key) {
            return get(key).text();
        }

        String text() {
            return (String) value;
        }

        long number(String key) {
            return get(key).number();
        }

        long number() {
            return ((Number) value).longValue();
        }

        double fraction() {
            return ((Number) value).doubleValue();
        }

        boolean bool(String key) {
            return (Boolean) get(key).value;
        }

        boolean isNull() {
            return value == null;
        }

        <T> List<T> list(Function<Node, T> f) {
            List<T> out = new ArrayList<>();
            for (Object o : (List<?>) value) {
                out.add(f.apply(new Node(o)));
            }
            return out;
        }

        Map<String, Node> fields() {
            Map<String, Node> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, new Node(v)));
            return out;
        }
    }
}
