package dev.refshadow.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The agent's {@code include=} / {@code exclude=} class-name globs ({@code *} any characters, names with dots). */
public final class ClassFilter {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    public ClassFilter(List<String> includeGlobs, List<String> excludeGlobs) {
        this.includes = compile(includeGlobs);
        this.excludes = compile(excludeGlobs);
    }

    public static ClassFilter all() {
        return new ClassFilter(List.of(), List.of());
    }

    /**
     * {@code internalName} uses slashes. Runs inside class loading: plain loops, no lambdas
     * (a lambda's bootstrap would load classes from within the transformer).
     */
    public boolean accepts(String internalName) {
        if (includes.isEmpty() && excludes.isEmpty()) {
            return true;
        }
        String name = internalName.replace('/', '.');
        return (includes.isEmpty() || matchesAny(includes, name)) && !matchesAny(excludes, name);
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> globs) {
        List<Pattern> patterns = new ArrayList<>();
        for (String glob : globs) {
            patterns.add(compile(glob));
        }
        return patterns;
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
