package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.agent.test.RetryingClient;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK's timed waits in simulated tasks, under the agent, which gives the JDK classes that
 * loop on the clock the run's virtual clock: each lasts exactly its timeout of virtual time, and
 * an hour of retries runs in a blink, the same twice. Runs in the JVM started with
 * {@code -javaagent:sim-agent.jar=dev.heddle.agent.test}; this class is not instrumented, so its
 * own calls reach the JDK unchanged.
 */
class TimedWaitsAgentIT {
    private static final long TIMEOUT_MILLIS = 2_000;
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    /** A timed wait that must time out; it throws when it ends any other way. */
    @FunctionalInterface
    private interface TimedWait {
        void waitAndTimeOut() throws Exception;
    }

    private static Map<String, TimedWait> timedWaits() {
        Map<String, TimedWait> waits = new LinkedHashMap<>();
        waits.put("LockSupport.parkNanos", () -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS)));
        waits.put("LockSupport.parkUntil", () ->
                LockSupport.parkUntil(Heddle.clock().instant().toEpochMilli() + TIMEOUT_MILLIS));
        waits.put("Thread.sleep(millis)", () -> Thread.sleep(TIMEOUT_MILLIS));
        waits.put("Thread.sleep(Duration)", () -> Thread.sleep(Duration.ofMillis(TIMEOUT_MILLIS)));
        waits.put("Object.wait(timeout)", () -> {
            Object monitor = new Object();
            synchronized (monitor) {
                monitor.wait(TIMEOUT_MILLIS);
            }
        });
        waits.put("Thread.join(millis)", () -> {
            Thread parked = Thread.ofVirtual().start(() -> LockSupport.parkNanos(HOUR));
            parked.join(TIMEOUT_MILLIS);
            assertTrue(parked.isAlive());
            LockSupport.unpark(parked);
            parked.join();
        });
        waits.put("CountDownLatch.await(t)", () -> assertFalse(new CountDownLatch(1).await(TIMEOUT_MILLIS,
                TimeUnit.MILLISECONDS)));
        waits.put("Condition.await(t)", () -> {
            ReentrantLock lock = new ReentrantLock();
            Condition never = lock.newCondition();
            lock.lock();
            try {
                assertFalse(never.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            } finally {
                lock.unlock();
            }
        });
        waits.put("Condition.awaitNanos", () -> {
            ReentrantLock lock = new ReentrantLock();
            Condition never = lock.newCondition();
            lock.lock();
            try {
                assertTrue(never.awaitNanos(TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS)) <= 0);
            } finally {
                lock.unlock();
            }
        });
        waits.put("ReentrantLock.tryLock(t)", () -> {
            ReentrantLock lock = new ReentrantLock();
            Thread holder = Thread.ofVirtual().start(() -> {
                lock.lock();
                LockSupport.parkNanos(HOUR);
                lock.unlock();
            });
            while (!lock.isLocked()) {
                Thread.yield();
            }
            assertFalse(lock.tryLock(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            LockSupport.unpark(holder);
            holder.join();
        });
        waits.put("FutureTask.get(t)", () -> assertThrows(TimeoutException.class,
                () -> new FutureTask<>(() -> 1).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)));
        waits.put("CompletableFuture.get(t)", () -> assertThrows(TimeoutException.class,
                () -> new CompletableFuture<Integer>().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)));
        waits.put("LinkedBlockingQueue.poll(t)", () ->
                assertNull(new LinkedBlockingQueue<Integer>().poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)));
        waits.put("ArrayBlockingQueue.offer(t)", () -> {
            ArrayBlockingQueue<Integer> full = new ArrayBlockingQueue<>(1);
            full.add(1);
            assertFalse(full.offer(2, TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        });
        waits.put("SynchronousQueue.poll(t)", () ->
                assertNull(new SynchronousQueue<Integer>().poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)));
        waits.put("Semaphore.tryAcquire(t)", () ->
                assertFalse(new Semaphore(0).tryAcquire(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)));
        waits.put("ExecutorService.awaitTermination", () -> {
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            executor.submit(() -> LockSupport.parkNanos(HOUR));
            executor.shutdown();
            assertFalse(executor.awaitTermination(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(1, TimeUnit.SECONDS));
        });
        return waits;
    }

    @Test
    void everyTimedWaitLastsItsTimeoutOfVirtualTime() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, TimedWait> wait : timedWaits().entrySet()) {
            long[] waited = {-1};
            try {
                Simulation.ofSeed(1).run(sim -> {
                    long before = Heddle.now();
                    wait.getValue().waitAndTimeOut();
                    if (waited[0] < 0) {
                        waited[0] = Heddle.now() - before;
                    }
                });
            } catch (RuntimeException | AssertionError e) {
                wrong.add(wait.getKey() + " failed: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            // The waits that clean up after themselves (a join, a tryLock) measure their timeout, not the clean-up.
            if (waited[0] < TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS)) {
                wrong.add(wait.getKey() + " waited " + waited[0] + " ns");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void eachTimedWaitEndsAtExactlyItsTimeout() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, TimedWait> wait : timedWaits().entrySet()) {
            if (wait.getKey().equals("Thread.join(millis)") || wait.getKey().equals("ReentrantLock.tryLock(t)")
                    || wait.getKey().equals("ExecutorService.awaitTermination")) {
                continue;
            }
            SimulationResult r = Simulation.ofSeed(2).run(sim -> wait.getValue().waitAndTimeOut());
            if (r.virtualNanos() != TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS)) {
                wrong.add(wait.getKey() + " ended the run at " + r.virtualNanos() + " ns");
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The client of the issue: an hour of virtual retries, replayed with the same trace hash. */
    @Test
    void anHourOfSleepAndLatchRetriesRunsInVirtualTimeTheSameTwice() {
        int[] attempts = new int[1];
        long[] answeredAt = new long[1];
        SimulationResult r = Simulation.ofSeed(3).maxTime(Duration.ofHours(2)).checkDeterminism(sim -> {
            LinkedBlockingQueue<CountDownLatch> server = new LinkedBlockingQueue<>();
            sim.spawn("server", () -> {
                while (true) {
                    CountDownLatch request = server.take();
                    if (Heddle.now() >= HOUR) {
                        request.countDown();
                        return null;
                    }
                }
            });
            attempts[0] = RetryingClient.call(server);
            answeredAt[0] = Heddle.now();
        });
        // 5 s waits, backoffs of 1, 2, 4 ... 60 s: about 55 attempts to pass the hour.
        assertTrue(attempts[0] > 40 && attempts[0] < 70, attempts[0] + " attempts");
        assertTrue(answeredAt[0] >= HOUR && answeredAt[0] < HOUR + TimeUnit.MINUTES.toNanos(2),
                "answered at " + answeredAt[0] + " ns");
        assertEquals(answeredAt[0], r.virtualNanos());
    }

    /** The agent rewrote every class of its list, and announced them for the simulator. */
    @Test
    void theAgentGaveEveryListedJdkClassTheVirtualClock() throws ClassNotFoundException {
        Set<String> listed = new TreeSet<>();
        for (JdkClockClasses.JdkClass c : JdkClockClasses.ALL) {
            listed.add(c.internalName().replace('/', '.'));
        }
        Set<String> announced = new TreeSet<>(List.of(System.getProperty(JdkClockTransformer.PROPERTY).split(",")));
        assertEquals(listed, announced);
        assertEquals(null, Class.forName("dev.heddle.agent.boot.JdkClock", false, null).getClassLoader());
    }
}
