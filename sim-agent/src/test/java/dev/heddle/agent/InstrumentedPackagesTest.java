package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentedPackagesTest {

    @Test
    void aPackageCoversItsSubpackagesOnly() {
        InstrumentedPackages p = new InstrumentedPackages(List.of("com.example"));
        assertTrue(p.instruments("com/example/Counter"));
        assertTrue(p.instruments("com/example/cache/Entry$Node"));
        assertFalse(p.instruments("com/examples/Counter"));
        assertFalse(p.instruments("org/example/Counter"));
    }

    /** Even when a package asked for contains them: "com" holds com.sun, "dev.heddle" holds the libraries. */
    @Test
    void theJdkAndHeddlesLibrariesAreNeverInstrumented() {
        InstrumentedPackages p = new InstrumentedPackages(List.of("com", "dev.heddle"));
        for (String jdk : List.of("com/sun/net/httpserver/HttpServer", "java/lang/String", "jdk/internal/misc/Unsafe",
                "javax/net/SocketFactory", "sun/misc/Unsafe")) {
            assertFalse(new InstrumentedPackages(List.of(jdk.substring(0, jdk.indexOf('/')))).instruments(jdk), jdk);
        }
        assertFalse(p.instruments("com/sun/net/httpserver/HttpServer"));
        for (String heddle : List.of("dev/heddle/sim/Simulator", "dev/heddle/sim/instrument/SchedulingPoints",
                "dev/heddle/runtime/internal/scheduler/WorkerCore", "dev/heddle/sync/Mutex",
                "dev/heddle/channel/mpsc/Sender", "dev/heddle/select/Select", "dev/heddle/time/Clock",
                "dev/heddle/net/TcpStream", "dev/heddle/junit/SimTestExtension", "dev/heddle/check/History",
                "dev/heddle/agent/HeddleAgent", "dev/heddle/agent/internal/asm/ClassReader")) {
            assertFalse(p.instruments(heddle), heddle);
        }
        assertTrue(p.instruments("dev/heddle/agent/test/Counter"));
        assertTrue(p.instruments("dev/heddle/examples/RacyCounter"));
        assertTrue(p.instruments("dev/heddle/simulations/Foo"), "a package that merely starts like a library's");
    }
}
