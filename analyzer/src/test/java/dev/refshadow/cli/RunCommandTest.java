package dev.refshadow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void startsJavaWithTheAgentAndItsOptionsAndExitsWithTheProgramsCode() throws Exception {
        Path agent = fakeAgentJar();
        Path seen = dir.resolve("options.txt");
        Path classes = Path.of(FakeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Cli.Result r = Cli.run("run", "--agent", agent.toString(), "--report", "out/leaks", "--formats", "json:html",
                "--top", "5", "--thresholds", "100:10:10", "--",
                "-Dfake.agent.out=" + seen, "-cp", classes.toString(), FakeAgent.class.getName(), "3");
        assertEquals(3, r.code(), r.toString());
        assertEquals("report=out/leaks,formats=json:html,thresholds=100:10:10,top=5", Files.readString(seen));
    }

    @Test
    void withoutAgentOptionsTheAgentGetsNone() throws Exception {
        Path seen = dir.resolve("options.txt");
        Path classes = Path.of(FakeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Cli.Result r = Cli.run("run", "--agent", fakeAgentJar().toString(), "--",
                "-Dfake.agent.out=" + seen, "-cp", classes.toString(), FakeAgent.class.getName(), "0");
        assertEquals(0, r.code(), r.toString());
        assertEquals("null", Files.readString(seen));
    }

    @Test
    void optionValuesMayNotBreakTheAgentsSyntax() throws Exception {
        Cli.Result r = Cli.run("run", "--agent", fakeAgentJar().toString(), "--include", "com.a.*,com.b.*", "--", "Main");
        assertEquals(2, r.code());
        assertEquals("refshadow run: --include must not contain ',': 'com.a.*,com.b.*' (lists are separated by ':')"
                + " (see 'refshadow run --help')\n", r.err());
    }

    private Path fakeAgentJar() throws Exception {
        Path jar = dir.resolve("fake-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", FakeAgent.class.getName());
        String entry = FakeAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = FakeAgent.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
