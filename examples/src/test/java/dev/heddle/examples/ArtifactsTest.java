package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.heddle.check.HistoryRecorder;
import dev.heddle.junit.SimTest;
import dev.heddle.json.JsonParser;
import dev.heddle.net.TcpStream;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.time.Clock;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What a company checks before adopting a library: the license, the metadata a public
 * repository requires, one version to pin (the BOM), stable module names, and a changelog.
 */
class ArtifactsTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
    private static final List<String> LIBRARIES = List.of("json", "sim-clock", "sim-runtime", "sim-net", "checkers",
            "sim-junit", "sim-agent");

    @Test
    void theLicenseIsApache2AndEveryPomInheritsItWithTheMetadataCentralRequires() throws IOException {
        assertTrue(Files.readString(ROOT.resolve("LICENSE")).strip().startsWith("Apache License\n"
                + "                           Version 2.0, January 2004"));
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        for (String element : List.of("<licenses>", "Apache-2.0", "<url>", "<scm ", "<developers>", "<description>")) {
            assertTrue(parent.contains(element), "the parent pom has no " + element);
        }
        for (String module : LIBRARIES) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            assertTrue(pom.contains("<name>") && pom.contains("<description>"), module + " has no name or description");
        }
    }

    @Test
    void theBomPinsEveryLibraryAndTheExamplesAreNotPublished() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        assertTrue(bom.contains("<artifactId>heddle-bom</artifactId>"), bom);
        for (String module : LIBRARIES) {
            assertTrue(bom.contains("<artifactId>" + module + "</artifactId>"), "the BOM does not pin " + module);
        }
        for (String module : List.of("examples", "benchmarks", "conformance")) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            assertTrue(pom.contains("<maven.install.skip>true</maven.install.skip>")
                    && pom.contains("<maven.deploy.skip>true</maven.deploy.skip>"), module + " would be published");
        }
    }

    @Test
    void everyLibraryJarNamesItsModule() throws IOException, URISyntaxException {
        List<Class<?>> anchors = List.of(JsonParser.class, Clock.class, HeddleRuntime.class, TcpStream.class,
                HistoryRecorder.class, SimTest.class);
        List<String> names = List.of("dev.heddle.json", "dev.heddle.time", "dev.heddle.runtime", "dev.heddle.net",
                "dev.heddle.check", "dev.heddle.junit");
        for (int i = 0; i < anchors.size(); i++) {
            Path location = Path.of(anchors.get(i).getProtectionDomain().getCodeSource().getLocation().toURI());
            assumeTrue(Files.isRegularFile(location), "built classes, not a jar, on the classpath: run `mvn install`"
                    + " (./heddle test) to check the jars' manifests");
            try (JarFile jar = new JarFile(location.toFile())) {
                assertEquals(names.get(i), jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
                        location.toString());
            }
        }
    }

    @Test
    void theChangelogHasThisVersion() throws IOException {
        String changelog = Files.readString(ROOT.resolve("CHANGELOG.md"));
        String version = Files.readString(ROOT.resolve("pom.xml")).replaceAll("(?s).*?<version>([^<]+)</version>.*",
                "$1").replace("-SNAPSHOT", "");
        assertTrue(changelog.contains("## [" + version + "]"), "CHANGELOG.md has no section for " + version);
    }
}
