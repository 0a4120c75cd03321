package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class JoinTest {

    @Test
    void joinWaitsForBothAndKeepsTheirOrder() {
        Simulation.ofSeed(1).run(sim -> {
            Both<String, Integer> both = Join.join(() -> {
                sim.sleep(Duration.ofSeconds(2));
                return "slow";
            }, () -> 1);
            assertEquals(new Both<>("slow", 1), both);
            assertEquals(Duration.ofSeconds(2).toNanos(), sim.now(), 1e6);
        });
    }

    @Test
    void joinAllWaitsForEveryBodyEvenAfterAFailure() {
        Simulation.ofSeed(2).run(sim -> {
            AtomicBoolean slowFinished = new AtomicBoolean();
            JoinException e = assertThrows(JoinException.class, () -> Join.joinAll(List.<Callable<Integer>>of(
                    () -> {
                        throw new IllegalStateException("boom");
                    },
                    () -> {
                        sim.sleep(Duration.ofSeconds(1));
                        slowFinished.set(true);
                        return 2;
                    })));
            assertTrue(e.isFailed());
            assertEquals("boom", e.getCause().getMessage());
            assertTrue(slowFinished.get(), "join_all lets the other bodies finish");
            assertEquals(List.of(1, 2, 3), Join.joinAll(List.<Callable<Integer>>of(() -> 1, () -> 2, () -> 3)));
        });
    }

    @Test
    void tryJoinAllAbortsTheRestOnTheFirstFailure() {
        Simulation.ofSeed(3).run(sim -> {
            AtomicBoolean slowFinished = new AtomicBoolean();
            JoinException e = assertThrows(JoinException.class, () -> Join.tryJoinAll(List.<Callable<Integer>>of(
                    () -> {
                        sim.sleep(Duration.ofSeconds(10));
                        slowFinished.set(true);
                        return 1;
                    },
                    () -> {
                        sim.sleep(Duration.ofSeconds(1));
                        throw new IllegalArgumentException("bad input");
                    })));
            assertEquals("bad input", e.getCause().getMessage());
            assertFalse(slowFinished.get());
            assertTrue(sim.now() < Duration.ofSeconds(10).toNanos(), "the slow body was aborted, not awaited");
            assertEquals(new Both<>(1, "b"), Join.tryJoin(() -> 1, () -> "b"));
        });
    }

    @Test
    void selectOkReturnsTheFirstSuccessOrTheLastFailure() {
        Simulation.ofSeed(4).run(sim -> {
            String first = Join.selectOk(List.<Callable<String>>of(
                    () -> {
                        throw new IllegalStateException("replica a down");
                    },
                    () -> {
                        sim.sleep(Duration.ofMillis(20));
                        return "b";
                    },
                    () -> {
                        sim.sleep(Duration.ofSeconds(5));
                        return "c";
                    }));
            assertEquals("b", first);
            assertTrue(sim.now() < Duration.ofSeconds(5).toNanos());
            JoinException e = assertThrows(JoinException.class, () -> Join.selectOk(List.<Callable<String>>of(
                    () -> {
                        throw new IllegalStateException("first");
                    },
                    () -> {
                        sim.sleep(Duration.ofMillis(1));
                        throw new IllegalStateException("last");
                    })));
            assertEquals("last", e.getCause().getMessage());
        });
    }

    @Test
    void tryJoinAllOnWorkerThreads() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            List<Integer> values = rt.blockOn(() -> Join.tryJoinAll(
                    java.util.stream.IntStream.range(0, 50).mapToObj(i -> (Callable<Integer>) () -> i * i).toList()));
            for (int i = 0; i < 50; i++) {
                assertEquals(i * i, values.get(i));
            }
        }
    }
}
