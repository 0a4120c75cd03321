package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.net.TcpListener;
import dev.heddle.net.UdpSocket;
import dev.heddle.runtime.EnterGuard;
import dev.heddle.runtime.Handle;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.time.Sleep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/rt_handle_block_on.rs}: {@link Handle#blockOn} runs its body on the
 * calling thread, outside the runtime's tasks, before and after the runtime shuts down. Every test
 * is about real runtimes used from a plain thread (the test's own), entered with
 * {@link HeddleRuntime#enter()} as Tokio's {@code rt.enter()}. Tokio's {@code rt_test!} runs a test
 * on a current-thread runtime and multi-thread runtimes of 4 and 1 workers, its
 * {@code multi_threaded_rt_test!} on the last two, as {@link #rtTest} and {@link #multiThreadedRtTest} do.
 * Tokio's {@code tokio::fs} functions are {@code spawn_blocking} around {@code std::fs}, so they
 * are spawnBlocking around {@link Files} here.
 */
class RtHandleBlockOnTest {
    private static final Path POM = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("pom.xml");

    private static HeddleRuntime currentThread() {
        return HeddleRuntime.currentThread().build();
    }

    private static HeddleRuntime multiThread(int workers) {
        return HeddleRuntime.multiThread().workerThreads(workers).build();
    }

    /** Tokio's rt_test!: the test on each kind of runtime. */
    private static void rtTest(Consumer<HeddleRuntime> test) {
        for (Supplier<HeddleRuntime> rt : List.<Supplier<HeddleRuntime>>of(
                RtHandleBlockOnTest::currentThread, () -> multiThread(4), () -> multiThread(1))) {
            try (HeddleRuntime runtime = rt.get()) {
                test.accept(runtime);
            }
        }
    }

    /** Tokio's multi_threaded_rt_test!: the test on multi-thread runtimes of 4 and of 1 workers. */
    private static void multiThreadedRtTest(Consumer<HeddleRuntime> test) {
        for (int workers : new int[] {4, 1}) {
            try (HeddleRuntime runtime = multiThread(workers)) {
                test.accept(runtime);
            }
        }
    }

    /** Tokio's test_with_runtimes: {@code f} on each kind of runtime, entered, before and after its shutdown. */
    private static void testWithRuntimes(Runnable f) {
        for (Supplier<HeddleRuntime> rt : List.<Supplier<HeddleRuntime>>of(
                RtHandleBlockOnTest::currentThread, () -> multiThread(1), () -> multiThread(4))) {
            HeddleRuntime runtime = rt.get();
            try (EnterGuard entered = runtime.enter()) {
                f.run();
                runtime.shutdown(Duration.ofSeconds(1000));
                f.run();
            }
        }
    }

    // ==== runtime independent futures ====

    // Tokio: basic, tokio/tests/rt_handle_block_on.rs
    // Real runtime: Handle.blockOn from the test's own thread on real runtimes, before and after shutdown.
    @Test
    void basic() {
        testWithRuntimes(() -> assertEquals(1, Handle.current().blockOn(() -> 1)));
    }

    // Tokio: bounded_mpsc_channel, tokio/tests/rt_handle_block_on.rs
    // Real runtime: Handle.blockOn from the test's own thread on real runtimes, before and after shutdown.
    @Test
    void boundedMpscChannel() {
        testWithRuntimes(() -> {
            Channel<Integer> ch = Mpsc.bounded(1024);
            Handle.current().blockOn(() -> {
                ch.sender().send(42);
                return null;
            });
            assertEquals(42, Handle.current().blockOn(ch.receiver()::recv));
        });
    }

    // Tokio: unbounded_mpsc_channel, tokio/tests/rt_handle_block_on.rs
    // Real runtime: Handle.blockOn from the test's own thread on real runtimes, before and after shutdown.
    @Test
    void unboundedMpscChannel() {
        testWithRuntimes(() -> {
            Channel<Integer> ch = Mpsc.unbounded();
            ch.sender().send(42);
            assertEquals(42, Handle.current().blockOn(ch.receiver()::recv));
        });
    }

    // Tokio: yield_in_block_in_place, tokio/tests/rt_handle_block_on.rs
    // Real runtime: Handle.blockOn from the test's own thread on real runtimes, before and after shutdown.
    @Test
    void yieldInBlockInPlace() {
        testWithRuntimes(() -> Handle.current().blockOn(() -> {
            Heddle.blockInPlace(() -> Handle.current().blockOn(() -> {
                Heddle.yieldNow();
                return null;
            }));
            return null;
        }));
    }

    // ==== spawn blocking futures ====

    // Tokio: basic_fs, tokio/tests/rt_handle_block_on.rs
    // Real runtime: reads a real file on each kind of real runtime.
    @Test
    void basicFs() {
        rtTest(rt -> {
            try (EnterGuard entered = rt.enter()) {
                String contents = Handle.current().blockOn(() -> Heddle.spawnBlocking(() -> Files.readString(POM))
                        .join());
                assertTrue(contents.contains("<artifactId>conformance</artifactId>"));
            }
        });
    }

    /** Tokio's fs fails with "background task failed": its spawn_blocking ends cancelled, as here. */
    // Tokio: fs_shutdown_before_started, tokio/tests/rt_handle_block_on.rs
    // Real runtime: reads a real file on each kind of real runtime, once it is shut down.
    @Test
    void fsShutdownBeforeStarted() {
        rtTest(rt -> {
            try (EnterGuard entered = rt.enter()) {
                rt.shutdown(Duration.ofSeconds(1000));
                JoinException err = assertThrows(JoinException.class, () -> Handle.current().blockOn(
                        () -> Heddle.spawnBlocking(() -> Files.readString(POM)).join()));
                assertTrue(err.isCancelled(), err.toString());
            }
        });
    }

    // Tokio: basic_spawn_blocking, tokio/tests/rt_handle_block_on.rs
    // Real runtime: a blocking task on each kind of real runtime's blocking pool.
    @Test
    void basicSpawnBlocking() {
        rtTest(rt -> {
            try (EnterGuard entered = rt.enter()) {
                int answer = Handle.current().blockOn(() -> Heddle.spawnBlocking(() -> {
                    Thread.sleep(100);
                    return 42;
                }).join());
                assertEquals(42, answer);
            }
        });
    }

    // Tokio: spawn_blocking_after_shutdown_fails, tokio/tests/rt_handle_block_on.rs
    // Real runtime: a blocking task on each kind of real runtime, once it is shut down.
    @Test
    void spawnBlockingAfterShutdownFails() {
        rtTest(rt -> {
            try (EnterGuard entered = rt.enter()) {
                rt.shutdown(Duration.ofSeconds(1000));
                JoinException joinErr = assertThrows(JoinException.class, () -> Handle.current().blockOn(
                        () -> Heddle.spawnBlocking(() -> {
                            Thread.sleep(100);
                            return 42;
                        }).join()));
                assertTrue(joinErr.isCancelled());
            }
        });
    }

    /** Tokio's blocking task sleeps a second so that it has started when the shutdown comes; here it says so. */
    // Tokio: spawn_blocking_started_before_shutdown_continues, tokio/tests/rt_handle_block_on.rs
    // Real runtime: a blocking task on each kind of real runtime's blocking pool, across its shutdown.
    @Test
    void spawnBlockingStartedBeforeShutdownContinues() {
        rtTest(rt -> {
            try (EnterGuard entered = rt.enter()) {
                CountDownLatch started = new CountDownLatch(1);
                JoinHandle<Integer> handle = Heddle.spawnBlocking(() -> {
                    started.countDown();
                    Thread.sleep(200);
                    return 42;
                });
                started.await();
                rt.shutdown(Duration.ofSeconds(1000));
                assertEquals(42, Handle.current().blockOn(handle::join));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    /**
     * Tokio's future consumes the thread's park token (unpark, then park) before it waits; a
     * wait that follows in the body must still end when woken, not hang.
     */
    // Tokio: thread_park_ok, tokio/tests/rt_handle_block_on.rs
    // Real runtime: parks the test's own thread inside Handle.blockOn on each kind of real runtime.
    @Test
    void threadParkOk() {
        rtTest(rt -> {
            var ch = Oneshot.<Boolean>channel();
            boolean exit = rt.handle().blockOn(() -> {
                LockSupport.unpark(Thread.currentThread());
                LockSupport.park();
                Thread.ofPlatform().start(() -> ch.sender().send(true));
                return ch.receiver().recv();
            });
            assertTrue(exit);
        });
    }

    // ==== net ====

    // Tokio: tcp_listener_bind, tokio/tests/rt_handle_block_on.rs
    // Real runtime: binds a real socket on each kind of real runtime.
    @Test
    void tcpListenerBind() {
        rtTest(rt -> {
            try (EnterGuard entered = rt.enter();
                 TcpListener listener = Handle.current().blockOn(() -> TcpListener.bind("127.0.0.1:0"))) {
                assertTrue(listener.localAddress().getPort() > 0);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    // Tokio: udp_socket_bind, tokio/tests/rt_handle_block_on.rs
    // Real runtime: binds a real socket on each kind of real runtime.
    @Test
    void udpSocketBind() {
        rtTest(rt -> {
            try (EnterGuard entered = rt.enter();
                 UdpSocket socket = Handle.current().blockOn(() -> UdpSocket.bind("127.0.0.1:0"))) {
                assertTrue(socket.localAddress().getPort() > 0);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    // ==== nesting ====

    // Tokio: nesting, tokio/tests/rt_handle_block_on.rs
    // Real runtime: Handle.blockOn inside blockOn of each kind of real runtime.
    @Test
    void nesting() {
        rtTest(rt -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.blockOn(() -> {
                Handle.current().blockOn(() -> {
                    Heddle.sleep(Duration.ofMillis(10));
                    return null;
                });
                return 1;
            }));
            assertTrue(e.getMessage().startsWith("Cannot start a runtime from within a runtime"), e.getMessage());
        });
    }

    // Tokio: spawn_after_runtime_dropped, tokio/tests/rt_handle_block_on.rs
    // Real runtime: spawns on each kind of real runtime before and after it is closed.
    @Test
    void spawnAfterRuntimeDropped() {
        for (Supplier<HeddleRuntime> make : List.<Supplier<HeddleRuntime>>of(
                RtHandleBlockOnTest::currentThread, () -> multiThread(4), () -> multiThread(1))) {
            HeddleRuntime rt = make.get();
            Handle handle = rt.blockOn(Handle::current);
            JoinHandle<Void> jh1 = handle.spawn(() -> Heddle.sleep(Duration.ofDays(365)));
            rt.close();
            JoinHandle<Void> jh2 = handle.spawn(() -> Heddle.sleep(Duration.ofDays(365)));
            assertTrue(jh1.isFinished() && jh2.isFinished(), "both are ready at once");
            assertTrue(assertThrows(JoinException.class, jh1::join).isCancelled());
            assertTrue(assertThrows(JoinException.class, jh2::join).isCancelled());
        }
    }

    // ==== timers ====

    // Tokio: sleep, tokio/tests/rt_handle_block_on.rs
    // Real runtime: a real-time sleep in Handle.blockOn on multi-thread real runtimes.
    @Test
    void sleep() {
        multiThreadedRtTest(rt -> {
            try (EnterGuard entered = rt.enter()) {
                Handle.current().blockOn(() -> {
                    Heddle.sleep(Duration.ofMillis(100));
                    return null;
                });
            }
        });
    }

    // Tokio: sleep_before_shutdown_panics, tokio/tests/rt_handle_block_on.rs
    // Real runtime: a sleep made before a real runtime shuts down and awaited after.
    @Test
    void sleepBeforeShutdownPanics() {
        multiThreadedRtTest(rt -> {
            try (EnterGuard entered = rt.enter()) {
                Sleep f = Heddle.clock().newSleep(Duration.ofMillis(100));
                rt.shutdown(Duration.ofSeconds(1000));
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> Handle.current().blockOn(
                        () -> {
                            f.await();
                            return null;
                        }));
                assertTrue(e.getMessage().contains("shut down"), e.getMessage());
            }
        });
    }

    // Tokio: sleep_after_shutdown_panics, tokio/tests/rt_handle_block_on.rs
    // Real runtime: a sleep on a real runtime that has shut down.
    @Test
    void sleepAfterShutdownPanics() {
        multiThreadedRtTest(rt -> {
            try (EnterGuard entered = rt.enter()) {
                rt.shutdown(Duration.ofSeconds(1000));
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> Handle.current().blockOn(
                        () -> {
                            Heddle.sleep(Duration.ofMillis(100));
                            return null;
                        }));
                assertTrue(e.getMessage().contains("shut down"), e.getMessage());
            }
        });
    }
}
