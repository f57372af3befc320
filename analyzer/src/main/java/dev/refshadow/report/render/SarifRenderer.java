package dev.refshadow.report.render;

import static dev.refshadow.report.json.JsonWriter.object;
import static dev.refshadow.report.render.Units.bytes;
import static dev.refshadow.report.render.Units.plural;

import dev.refshadow.report.ClassNames;
import dev.refshadow.report.LeakGroup.ClosingWrite;
import dev.refshadow.report.LeakGroup.SiteCount;
import dev.refshadow.report.LeakGroup.WeakEdgeSuggestion;
import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import dev.refshadow.report.json.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SARIF 2.1.0: one result per leak group, with {@code partialFingerprints} carrying the group's
 * fingerprint (so code-scanning tools track a cycle across runs), two locations, the main
 * allocation site and the closing write, and the closing write's call stack as a {@code stack}.
 * Sites in stack-trace form become a logical location (the method) and a physical one (the
 * source path by package, {@code com/acme/Main.java}, relative to {@code %SRCROOT%}, and the
 * line).
 */
public final class SarifRenderer implements Renderer {
    public static final String RULE_ID = "refshadow/reference-cycle";
    public static final String FINGERPRINT_KEY = "refshadowFingerprint/v1";

    @Override
    public void render(Report report, Appendable out, Progress progress) throws IOException {
        List<Object> results = new ArrayList<>();
        List<LeakGroup> leaks = report.leaks();
        progress.start(leaks.size());
        for (int i = 0; i < leaks.size(); i++) {
            results.add(result(leaks.get(i)));
            progress.step(i + 1);
        }
        progress.finish();
        Map<String, Object> driver = object("name", "refshadow", "version", report.tool().version(),
                "rules", List.of(object("id", RULE_ID, "name", "ReferenceCycle",
                        "shortDescription", text("Objects that reference counting alone would leak"),
                        "fullDescription", text("A cycle of references that no reference-counted runtime (CPython, "
                                + "Swift/Objective-C ARC, shared_ptr, Rc, COM) frees without a cycle collector."),
                        "help", text("Make the suggested field a weak reference, or clear it before the last "
                                + "external reference is dropped (the closing write)."),
                        "defaultConfiguration", object("level", "warning"))));
        Map<String, Object> run = object("tool", object("driver", driver),
                "invocations", List.of(object("commandLine", report.run().command(), "executionSuccessful", true,
                        "startTimeUtc", report.run().start().toString())),
                "originalUriBaseIds", object("%SRCROOT%", object("description", text("the source root of the analysed program"))),
                "results", results);
        JsonWriter.write(object("$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0",
                "runs", List.of(run)), out);
    }

    private static Map<String, Object> result(LeakGroup g) {
        List<Object> locations = new ArrayList<>();
        SiteCount mainSite = g.allocationSites().isEmpty() ? null : g.allocationSites().get(0);
        if (mainSite != null && mainSite.site() != null) {
            locations.add(location(mainSite.site(), "allocation site of " + plural(mainSite.count(), "object")));
        }
        if (g.closingWrite().site() != null) {
            locations.add(location(g.closingWrite().site(), "closing write (" + g.closingWrite().kind()
                    + "): the last external reference to the cycle was removed here"));
        }
        String classes = g.classes().stream().limit(4).map(c -> ClassNames.simpleName(c.name()))
                .collect(Collectors.joining(", ")) + (g.classes().size() > 4 ? ", ..." : "");
        WeakEdgeSuggestion s = g.suggestedWeakEdge();
        String message = "Reference cycle of " + classes + " would leak under reference counting: "
                + plural(g.instances(), "instance") + ", " + plural(g.objects(), "object") + ", " + bytes(g.shallowBytes())
                + (s == null ? "." : ". Make " + ClassNames.simpleName(s.from()) + "." + s.field() + " weak: " + s.reason() + ".");
        Map<String, Object> result = object("ruleId", RULE_ID, "ruleIndex", 0L,
                "level", g.uncollectable() > 0 ? "error" : "warning",
                "message", text(message),
                "partialFingerprints", object(FINGERPRINT_KEY, g.fingerprint()));
        result.put("locations", locations);
        if (!g.closingWrite().stack().isEmpty()) {
            result.put("stacks", List.of(closingStack(g.closingWrite())));
        }
        result.put("properties", object("objects", g.objects(), "instances", g.instances(),
                "shallowBytes", g.shallowBytes(), "closingWriteKind", g.closingWrite().kind()));
        return result;
    }

    /** The closing write's call stack: SARIF's frames are innermost first, as the report's. */
    private static Map<String, Object> closingStack(ClosingWrite w) {
        List<Object> frames = new ArrayList<>();
        w.stack().forEach(site -> frames.add(object("location", location(site))));
        return object("message", text("call stack of the closing write" + (w.omittedFrames() == 0 ? ""
                : " (" + plural(w.omittedFrames(), "outer frame") + " left out)")), "frames", frames);
    }

    private static Map<String, Object> location(String site, String what) {
        Map<String, Object> loc = location(site);
        loc.put("message", text(what + ": " + site));
        return loc;
    }

    /** The site's physical location (when it names a source file) and logical one. */
    private static Map<String, Object> location(String site) {
        Map<String, Object> loc = new LinkedHashMap<>();
        SourceSite parsed = SourceSite.parse(site);
        if (parsed != null && parsed.hasSourceFile()) {
            Map<String, Object> physical = object("artifactLocation", object("uri", parsed.sourcePath(), "uriBaseId", "%SRCROOT%"));
            if (parsed.line() > 0) {
                physical.put("region", object("startLine", (long) parsed.line()));
            }
            loc.put("physicalLocation", physical);
        }
        loc.put("logicalLocations", List.of(parsed == null ? object("fullyQualifiedName", site)
                : object("fullyQualifiedName", parsed.qualifiedMethod(), "kind", "function")));
        return loc;
    }

    private static Map<String, Object> text(String s) {
        return object("text", s);
    }

}
