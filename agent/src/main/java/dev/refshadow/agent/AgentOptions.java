package dev.refshadow.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code -javaagent:refshadow-agent.jar=key=value,key=value} (list values are
 * separated by {@code :}). A bad option is an {@link IllegalArgumentException} whose message is
 * the one line the agent prints before stopping the JVM.
 */
public record AgentOptions(String reportPrefix, List<String> formats, int[] thresholds, boolean locals,
                           List<String> include, List<String> exclude, String verify, int top,
                           Map<String, String> given) {
    static final List<String> FORMATS = List.of("json", "text", "html", "dot", "sarif", "junit");

    /** Every key, with the form its value takes (what an error message shows). */
    private static final Map<String, String> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("report", "report=<path prefix>");
        FORMS.put("formats", "formats=<format>[:<format>...] with formats json, text, html, dot, sarif, junit");
        FORMS.put("thresholds", "thresholds=<t0>[:<t1>[:<t2>]] (non-negative integers)");
        FORMS.put("locals", "locals=true|false");
        FORMS.put("include", "include=<class glob>[:<class glob>...]");
        FORMS.put("exclude", "exclude=<class glob>[:<class glob>...]");
        FORMS.put("verify", "verify=true|false|sample:<N>");
        FORMS.put("top", "top=<number of leak groups in the text report>");
    }

    public static AgentOptions parse(String args) {
        Map<String, String> given = new LinkedHashMap<>();
        if (args != null && !args.isBlank()) {
            for (String item : args.split(",")) {
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("refshadow: option '" + item + "' is not key=value; known options: "
                            + String.join(", ", FORMS.keySet()));
                }
                String key = item.substring(0, eq).trim();
                if (!FORMS.containsKey(key)) {
                    throw new IllegalArgumentException("refshadow: unknown option '" + key + "'; known options: "
                            + String.join(", ", FORMS.keySet()));
                }
                given.put(key, item.substring(eq + 1).trim());
            }
        }
        String report = given.getOrDefault("report", "refshadow-report");
        if (report.isEmpty()) {
            throw bad("report", report);
        }
        List<String> formats = list(given.getOrDefault("formats", "json:text"));
        if (formats.isEmpty() || !FORMATS.containsAll(formats)) {
            throw bad("formats", given.get("formats"));
        }
        int[] thresholds = thresholds(given.getOrDefault("thresholds", "700:10:10"));
        boolean locals = bool("locals", given.getOrDefault("locals", "true"));
        String verify = given.getOrDefault("verify", "false");
        if (!verify.equals("true") && !verify.equals("false") && !verify.matches("sample:[1-9][0-9]{0,8}")) {
            throw bad("verify", verify);
        }
        int top = positive("top", given.getOrDefault("top", "20"));
        return new AgentOptions(report, formats, thresholds, locals, list(given.getOrDefault("include", "")),
                list(given.getOrDefault("exclude", "")), verify, top, given);
    }

    private static int[] thresholds(String value) {
        List<String> parts = list(value);
        if (parts.isEmpty() || parts.size() > 3) {
            throw bad("thresholds", value);
        }
        int[] t = new int[parts.size()];
        for (int i = 0; i < t.length; i++) {
            try {
                t[i] = Integer.parseInt(parts.get(i));
            } catch (NumberFormatException e) {
                throw bad("thresholds", value);
            }
            if (t[i] < 0) {
                throw bad("thresholds", value);
            }
        }
        return t;
    }

    private static boolean bool(String key, String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw bad(key, value);
    }

    private static int positive(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, value);
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String s : value.split(":")) {
            if (!s.isBlank()) {
                items.add(s.trim());
            }
        }
        return items;
    }

    private static IllegalArgumentException bad(String key, String value) {
        return new IllegalArgumentException("refshadow: bad value '" + value + "' for option " + key + "; expected "
                + FORMS.get(key));
    }

    @Override
    public String toString() {
        return "AgentOptions" + given + " thresholds=" + Arrays.toString(thresholds);
    }
}
