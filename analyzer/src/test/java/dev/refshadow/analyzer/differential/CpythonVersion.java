package dev.refshadow.analyzer.differential;

import dev.refshadow.analyzer.Analyzer;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPython interpreters the analyzer is compared with, and when each runs automatic collections. */
enum CpythonVersion {
    /** Collects inside the allocation, before the new object is tracked. */
    V3_11("3.11.7", Analyzer.Trigger.AT_ALLOCATION),
    /** Schedules the collection and runs it at the next eval-breaker check. */
    V3_12("3.12.1", Analyzer.Trigger.AT_SAFEPOINT);

    /** Where pyenv keeps its interpreters; the build sets it (analyzer/pom.xml). */
    static final String PYENV_PROPERTY = "refshadow.pyenv";

    final String version;
    final Analyzer.Trigger trigger;

    CpythonVersion(String version, Analyzer.Trigger trigger) {
        this.version = version;
        this.trigger = trigger;
    }

    static Path pyenvVersions() {
        return Path.of(System.getProperty(PYENV_PROPERTY, System.getProperty("user.home") + "/.pyenv/versions"));
    }

    /** The interpreter's executable; fails with what to install when it is missing. */
    Path executable() {
        Path python = pyenvVersions().resolve(version).resolve("bin").resolve("python3");
        if (!Files.isExecutable(python)) {
            throw new AssertionError("CPython " + version + " is required by the differential tests but "
                    + python + " is not an executable (install it with `pyenv install " + version
                    + "`, or point -D" + PYENV_PROPERTY + " at the directory holding pyenv's versions)");
        }
        return python;
    }

    @Override
    public String toString() {
        return version;
    }
}
