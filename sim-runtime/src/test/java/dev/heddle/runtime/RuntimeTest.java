package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Task semantics on the real runtimes; the same semantics are checked in simulation by SimulatedTasksTest. */
class RuntimeTest {

    static Stream<RuntimeBuilder> runtimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(2));
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void spawnAndJoinReturnValues(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            int sum = rt.blockOn(() -> {
                JoinHandle<Integer> a = Heddle.spawn(() -> 20);
                JoinHandle<Integer> b = Heddle.spawn(() -> 22);
                return a.join() + b.join();
            });
            assertEquals(42, sum);
        }
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void tasksSeeThisMachinesNameAsTheirHostName(RuntimeBuilder builder) {
        String expected = dev.heddle.runtime.internal.LocalMachine.INSTANCE.name();
        try (HeddleRuntime rt = builder.build()) {
            List<String> seen = rt.blockOn(() -> List.of(Heddle.hostName(),
                    Heddle.spawn(() -> Heddle.spawn(Heddle::hostName).join()).join()));
            assertEquals(List.of(expected, expected), seen);
        }
        assertFalse(expected.isBlank());
        IllegalStateException outside = assertThrows(IllegalStateException.class, Heddle::hostName);
        assertTrue(outside.getMessage().startsWith("no Heddle runtime on thread"), outside.getMessage());
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aFailedTaskIsReportedToItsJoinerAndDisturbsNoOther(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                JoinHandle<Void> bad = Heddle.spawn("bad", () -> {
                    throw new IllegalStateException("boom");
                });
                JoinHandle<String> good = Heddle.spawn(() -> "fine");
                JoinException e = assertThrows(JoinException.class, bad::join);
                assertTrue(e.isFailed());
                assertFalse(e.isCancelled());
                assertInstanceOf(IllegalStateException.class, e.getCause());
                assertTrue(e.getMessage().contains("bad#") && e.getMessage().contains("boom"), e.getMessage());
                assertEquals("fine", good.join());
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void abortIsDeliveredAtTheNextSuspensionPointAndFinallyRuns(RuntimeBuilder builder) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                CountDownLatch started = new CountDownLatch(1);
                JoinHandle<Void> sleeper = Heddle.spawn(() -> {
                    try {
                        started.countDown();
                        Heddle.sleep(Duration.ofHours(1));
                        log.add("woke");
                    } finally {
                        log.add("finally");
                    }
                });
                while (started.getCount() > 0) {
                    Heddle.yieldNow();
                }
                sleeper.abort();
                JoinException e = assertThrows(JoinException.class, sleeper::join);
                assertTrue(e.isCancelled(), e.getMessage());
                assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
                return null;
            });
        }
        assertEquals(List.of("finally"), log);
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void abortTakesEffectOnlyAtASuspensionPoint(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                java.util.concurrent.CompletableFuture<JoinHandle<Integer>> self = new java.util.concurrent.CompletableFuture<>();
                JoinHandle<Integer> finishes = Heddle.spawn(() -> {
                    self.join().abort();
                    int n = 0;
                    for (int i = 0; i < 1000; i++) {
                        n += i;
                    }
                    return n;
                });
                self.complete(finishes);
                assertEquals(499500, finishes.join());

                java.util.concurrent.CompletableFuture<JoinHandle<Integer>> self2 = new java.util.concurrent.CompletableFuture<>();
                JoinHandle<Integer> stops = Heddle.spawn(() -> {
                    self2.join().abort();
                    Heddle.yieldNow();
                    return 1;
                });
                self2.complete(stops);
                assertTrue(assertThrows(JoinException.class, stops::join).isCancelled());
                return null;
            });
        }
    }

    @Test
    void joinSetReturnsValuesInCompletionOrder() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            List<Integer> order = rt.blockOn(() -> {
                try (JoinSet<Integer> set = new JoinSet<>()) {
                    // Each task ends when its gate opens; the gates open in the order 10, 20, 30,
                    // each after the task before it has ended, whatever the spawn order.
                    Map<Integer, CancellationToken> gates = new HashMap<>();
                    Map<Integer, JoinHandle<Integer>> tasks = new HashMap<>();
                    for (int v : new int[] {30, 10, 20}) {
                        CancellationToken gate = new CancellationToken();
                        gates.put(v, gate);
                        tasks.put(v, set.spawn(() -> {
                            gate.awaitCancellation();
                            return v;
                        }));
                    }
                    assertEquals(3, set.size());
                    Heddle.spawn(() -> {
                        for (int v : new int[] {10, 20, 30}) {
                            gates.get(v).cancel();
                            tasks.get(v).join();
                        }
                    });
                    return set.joinAll();
                }
            });
            assertEquals(List.of(10, 20, 30), order);
        }
    }

    @Test
    void joinSetCloseAbortsWhatIsLeftAndJoinNextOnEmptySaysSo() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                JoinSet<Void> set = new JoinSet<>();
                JoinHandle<Void> h = set.spawn(() -> {
                    try {
                        Heddle.sleep(Duration.ofHours(1));
                    } finally {
                        log.add("cleaned up");
                    }
                    return null;
                });
                Heddle.yieldNow();
                set.close();
                assertTrue(assertThrows(JoinException.class, h::join).isCancelled());
                var e = assertThrows(java.util.NoSuchElementException.class, set::joinNext);
                assertTrue(e.getMessage().contains("empty"), e.getMessage());
                return null;
            });
        }
        assertEquals(List.of("cleaned up"), log);
    }

    @Test
    void blockOnInsideATaskFailsClearly() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            IllegalStateException e = rt.blockOn(() -> assertThrows(IllegalStateException.class,
                    () -> rt.blockOn(() -> 1)));
            assertTrue(e.getMessage().contains("blockOn called from inside task"), e.getMessage());
        }
    }

    @Test
    void heddleOutsideAnyRuntimeFailsClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Heddle.spawn(() -> 1));
        assertTrue(e.getMessage().contains("no Heddle runtime"), e.getMessage());
    }

    @Test
    void checkedExceptionsOfTheRootAreWrappedAndUncheckedPassThrough() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            IllegalArgumentException direct = new IllegalArgumentException("x");
            assertSame(direct, assertThrows(IllegalArgumentException.class, () -> rt.blockOn(() -> {
                throw direct;
            })));
            CompletionException wrapped = assertThrows(CompletionException.class, () -> rt.blockOn(() -> {
                throw new java.io.IOException("disk");
            }));
            assertInstanceOf(java.io.IOException.class, wrapped.getCause());
        }
    }

    @Test
    void builderRejectsInvalidSettingsNamingThem() {
        var e1 = assertThrows(IllegalArgumentException.class, () -> HeddleRuntime.multiThread().workerThreads(0).build());
        assertTrue(e1.getMessage().contains("workerThreads") && e1.getMessage().contains("0"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> HeddleRuntime.currentThread().maxBlockingThreads(-3).build());
        assertTrue(e2.getMessage().contains("maxBlockingThreads") && e2.getMessage().contains("-3"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> HeddleRuntime.multiThread().threadName(" ").build());
        assertTrue(e3.getMessage().contains("threadName"), e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class, () -> HeddleRuntime.currentThread().workerThreads(2).build());
        assertTrue(e4.getMessage().contains("workerThreads"), e4.getMessage());
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aTaskThreadIsNamedAfterItsTaskWithoutTheId(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            String[] seen = rt.blockOn(() -> {
                JoinHandle<String> h = Heddle.spawn("fetcher", () -> Thread.currentThread().getName());
                return new String[] {h.join(), h.task().toString()};
            });
            assertEquals("fetcher", seen[0]);
            assertTrue(seen[1].startsWith("fetcher#"), seen[1]);
        }
    }

    @Test
    void threadNamesAndHooksApplyToWorkers() {
        AtomicInteger started = new AtomicInteger();
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).threadName("svc")
                .onThreadStart(started::incrementAndGet).build()) {
            String carrierName = rt.blockOn(() -> Heddle.spawnBlocking(() -> Thread.currentThread().getName()).join());
            assertTrue(carrierName.startsWith("svc-blocking-"), carrierName);
        }
        assertTrue(started.get() >= 1);
    }

    @Test
    void spawnBlockingRunsAtMostMaxBlockingThreadsAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (HeddleRuntime rt = HeddleRuntime.currentThread().maxBlockingThreads(2).build()) {
            rt.blockOn(() -> {
                List<JoinHandle<Void>> hs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    hs.add(Heddle.spawnBlocking(() -> {
                        int now = running.incrementAndGet();
                        peak.accumulateAndGet(now, Math::max);
                        Thread.sleep(5);
                        running.decrementAndGet();
                        return null;
                    }));
                }
                for (JoinHandle<Void> h : hs) {
                    h.join();
                }
                return null;
            });
        }
        assertTrue(peak.get() <= 2 && peak.get() >= 1, "peak " + peak.get());
    }

    @Test
    void timeoutFailsWithElapsedNamingTheLimitAndPassesFastBodies() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                Elapsed e = assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofMillis(20),
                        () -> Heddle.sleep(Duration.ofHours(1))));
                assertEquals(Duration.ofMillis(20), e.limit());
                assertTrue(e.getMessage().contains("20 ms"), e.getMessage());
                assertEquals("quick", Heddle.clock().timeout(Duration.ofHours(1), () -> "quick"));
                return null;
            });
        }
    }

    @Test
    void taskLocalsAreScopedAndNotInherited() {
        TaskLocal<String> id = TaskLocal.named("request-id");
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> id.scope("req-1", () -> {
                assertEquals("req-1", id.get());
                boolean childSees = Heddle.spawn(id::isSet).join();
                assertFalse(childSees);
                String nested = id.scope("req-2", id::get);
                assertEquals("req-2", nested);
                assertEquals("req-1", id.get());
                return null;
            }));
        }
        var e = assertThrows(java.util.NoSuchElementException.class, id::get);
        assertTrue(e.getMessage().contains("request-id"), e.getMessage());
    }

    @Test
    void cancellationTokensCancelChildrenNotParentsAndWake() {
        CancellationToken parent = new CancellationToken();
        CancellationToken child = parent.child();
        CancellationToken grandchild = child.child();
        child.cancel();
        assertFalse(parent.isCancelled());
        assertTrue(grandchild.isCancelled());
        CancellationToken other = parent.child();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            rt.blockOn(() -> {
                JoinHandle<Void> waiter = Heddle.spawn(() -> {
                    other.awaitCancellation();
                    log.add("woke");
                });
                Heddle.yieldNow();
                parent.cancel();
                waiter.join();
                return null;
            });
        }
        assertTrue(other.isCancelled());
        assertEquals(List.of("woke"), log);
        assertTrue(parent.child().isCancelled());
    }
}
