package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.internal.VirtualThreads;
import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.time.Elapsed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Heddle#ctrlC()}: a real JVM signalled with SIGTERM shuts its program down gracefully, and
 * the simulator sends the signal at the virtual time a test picks, so the same program runs in both.
 */
class CtrlCTest {

    /**
     * A child JVM runs the graceful-shutdown program; SIGTERM ({@code ProcessHandle.destroy()}, which
     * unlike {@code Process.destroy()} leaves the child's output open to read) stops it cleanly.
     */
    @ParameterizedTest
    @ValueSource(strings = {"current", "multi"})
    void sigtermShutsTheProgramDownGracefully(String runtime, @TempDir Path dir) throws Exception {
        Child child = Child.start(dir, runtime);
        assertEquals("ready", child.readLine());
        child.process.toHandle().destroy();
        List<String> rest = child.remainingLines();
        int exit = child.exitCode();
        assertEquals(2, rest.size(), child.describe(rest));
        assertEquals("ctrl-c received, shutting down", rest.get(0), child.describe(rest));
        assertTrue(rest.get(1).matches("handled (\\d+) of \\1 jobs"), child.describe(rest));
        // 128 + SIGTERM: the JVM exits as a signalled process does, once the program closed its runtime.
        assertEquals(143, exit, child.describe(rest));
    }

    /** A program that goes on after the signal holds the JVM's exit for the grace period only. */
    @Test
    void aProgramThatIgnoresTheSignalEndsAfterTheGracePeriod(@TempDir Path dir) throws Exception {
        Child child = Child.start(dir, "current", "ignore");
        assertEquals("ready", child.readLine());
        child.process.toHandle().destroy();
        List<String> rest = child.remainingLines();
        assertEquals(List.of("ctrl-c received, ignoring it"), rest, child.describe(rest));
        assertEquals(143, child.exitCode(), child.describe(rest));
    }

    /** In simulation the signal comes at a seeded virtual time, and the shutdown loses no job. */
    @Test
    void inSimulationTheSignalComesWhenTheTestSendsIt() {
        for (long seed = 0; seed < 30; seed++) {
            List<String> log = new ArrayList<>();
            long[] at = new long[1];
            Simulation.ofSeed(seed).run(sim -> {
                // Between two of the producer's 5 ms ticks, so that no tick ties with the signal.
                long delay = 5 * sim.random().nextLong(0, 40) + 2;
                sim.sendCtrlCAfter(Duration.ofMillis(delay));
                GracefulShutdownProgram.Outcome outcome = GracefulShutdownProgram.run(line -> {
                    log.add(line);
                    if (line.startsWith("ctrl-c")) {
                        at[0] = sim.now();
                    }
                });
                assertEquals(outcome.sent(), outcome.handled());
                assertEquals(delay / 5, outcome.sent(), "one job per 5 ms until the signal at " + delay + " ms");
                assertEquals(Duration.ofMillis(delay).toNanos(), at[0]);
            });
            assertEquals(3, log.size(), log.toString());
            assertEquals("ctrl-c received, shutting down", log.get(1));
        }
    }

    /** Tokio's rule: a wait returns on the first signal after it began, not on one before. */
    @Test
    void aWaitReturnsOnTheNextSignalOnlyAndEveryWaiterGetsIt() {
        Simulation.ofSeed(1).run(sim -> {
            sim.sendCtrlCAfter(Duration.ofMillis(10));
            sim.sendCtrlCAfter(Duration.ofMillis(30));
            JoinHandle<Long> first = sim.spawn(() -> {
                Heddle.ctrlC();
                return sim.now();
            });
            JoinHandle<Long> second = sim.spawn(() -> {
                Heddle.ctrlC();
                return sim.now();
            });
            assertEquals(10_000_000L, first.join());
            assertEquals(10_000_000L, second.join());
            Heddle.sleep(Duration.ofMillis(15));
            Heddle.ctrlC();
            assertEquals(30_000_000L, sim.now());
        });
    }

    /** An op made before the signal completes even if the select waits only afterwards; a losing one leaves nothing. */
    @Test
    void anOpListensFromWhenItIsMadeAndALosingOneLeavesNothing() {
        Simulation.ofSeed(2).run(sim -> {
            SelectableOp<Void> early = Heddle.ctrlCOp();
            sim.sendCtrlCAfter(Duration.ZERO);
            Heddle.sleep(Duration.ofMillis(1));
            String won = Select.<String>select().on(early, v -> "signal")
                    .sleep(Duration.ofSeconds(1), () -> "timeout").run();
            assertEquals("signal", won);
            String lost = Select.<String>select().on(Heddle.ctrlCOp(), v -> "signal")
                    .sleep(Duration.ofMillis(5), () -> "timeout").run();
            assertEquals("timeout", lost);
            JoinHandle<Void> aborted = sim.spawn(Heddle::ctrlC);
            Heddle.yieldNow();
            aborted.abort();
            assertTrue(assertThrows(JoinException.class, aborted::join).isCancelled());
            sim.sendCtrlCAfter(Duration.ofMillis(1));
            Heddle.ctrlC();
        });
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> Simulation.ofSeed(3).run(sim -> sim.sendCtrlCAfter(Duration.ofMillis(-1))));
        assertInstanceOf(IllegalArgumentException.class, f.getCause());
        assertEquals("delay must not be negative, was PT-0.001S; Duration.ZERO sends the signal now",
                f.getCause().getMessage());
    }

    /** A task waiting for ctrl-c is a suspension point like any other: its timeout ends the wait. */
    @Test
    void aTimeoutEndsTheWait() {
        Simulation.ofSeed(4).run(sim -> assertThrows(Elapsed.class,
                () -> sim.clock().timeout(Duration.ofMillis(5), () -> {
                    Heddle.ctrlC();
                    return null;
                })));
    }

    /** A child JVM running {@link GracefulShutdownProgram}, its standard output read line by line. */
    private record Child(Process process, BufferedReader out, Path err) {
        static Child start(Path dir, String... args) throws IOException {
            String java = ProcessHandle.current().info().command().orElseThrow();
            List<String> command = new ArrayList<>(List.of(java, VirtualThreads.REQUIRED_FLAG.split(" ")[0],
                    VirtualThreads.REQUIRED_FLAG.split(" ")[1], "-cp", System.getProperty("java.class.path"),
                    GracefulShutdownProgram.class.getName()));
            command.addAll(List.of(args));
            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
                    err);
        }

        String readLine() throws IOException {
            return out.readLine();
        }

        List<String> remainingLines() {
            return out.lines().toList();
        }

        /** The exit code; a child still running after a minute fails the test rather than hanging it. */
        int exitCode() throws InterruptedException {
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the child JVM did not exit");
            return process.exitValue();
        }

        String describe(List<String> lines) {
            try {
                return "stdout after ready: " + lines + "\nstderr:\n" + Files.readString(err);
            } catch (IOException e) {
                return "stdout after ready: " + lines + " (stderr unreadable: " + e + ")";
            }
        }
    }
}
