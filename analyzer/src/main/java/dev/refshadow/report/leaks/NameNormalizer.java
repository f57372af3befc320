package dev.refshadow.report.leaks;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes from class, field and site names what differs between runs of the same program:
 * lambda and hidden-class serial numbers and addresses, numbered proxies, and the suffixes of
 * generated classes (CGLIB, ByteBuddy, Mockito, reflection accessors). Fingerprints are made of
 * normalised names, so they are stable across runs and machines.
 */
public final class NameNormalizer {
    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            rule("\\$\\$Lambda\\$\\d+", "\\$\\$Lambda"),
            rule("/0x[0-9a-fA-F]+", ""),
            rule("\\$Proxy\\d+", "\\$Proxy"),
            rule("\\bjdk\\.proxy\\d+\\.", "jdk.proxy."),
            rule("\\$\\$([A-Za-z]*)ByCGLIB\\$\\$[0-9a-fA-F]+", "\\$\\$$1ByCGLIB"),
            rule("\\$\\$SpringCGLIB\\$\\$\\d+", "\\$\\$SpringCGLIB"),
            rule("\\$ByteBuddy\\$[A-Za-z0-9]+", "\\$ByteBuddy"),
            rule("\\$MockitoMock\\$[A-Za-z0-9]+", "\\$MockitoMock"),
            rule("\\b(Generated(?:Serialization)?(?:Method|Constructor)Accessor)\\d+", "$1"));

    private NameNormalizer() {
    }

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String s = name;
        for (Rule r : RULES) {
            s = r.pattern.matcher(s).replaceAll(r.replacement);
        }
        return s;
    }
}
