package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Interval;
import dev.heddle.time.MissedTickBehavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Select#tick}: an interval's tick as a select branch (Tokio's {@code _ = interval.tick() =>}). */
class SelectTickTest {
    private static final long MS = 1_000_000;

    @Test
    void theTickBranchFiresOnScheduleAndALosingOneTakesNoTick() {
        Simulation.ofSeed(1).run(sim -> {
            Channel<String> ch = Mpsc.unbounded();
            Interval heartbeat = Heddle.clock().interval(Duration.ofMillis(10));
            List<String> events = new ArrayList<>();
            sim.spawn(() -> {
                Heddle.sleep(Duration.ofMillis(15));
                ch.sender().send("message");
            });
            for (int i = 0; i < 4; i++) {
                events.add(Select.<String>select().biased()
                        .on(ch.receiver().recvOp(), m -> m + "@" + sim.now() / MS)
                        .tick(heartbeat, scheduled -> "tick " + scheduled / MS + "@" + sim.now() / MS)
                        .run());
            }
            assertEquals(List.of("tick 0@0", "tick 10@10", "message@15", "tick 20@20"), events,
                    "the first tick at once, the next on schedule, and the message's win took no tick");
            assertEquals(30 * MS, heartbeat.nextTick());
        });
    }

    @Test
    void aTickDueWhileAnotherBranchIsReadyIsKeptForTheNextSelect() {
        Simulation.ofSeed(2).run(sim -> {
            Channel<Integer> ch = Mpsc.unbounded();
            Interval heartbeat = Heddle.clock().interval(Duration.ofMillis(10), MissedTickBehavior.BURST);
            heartbeat.tick();
            Heddle.sleep(Duration.ofMillis(25));
            ch.sender().send(1);
            assertEquals(-1L, Select.<Long>select().biased().on(ch.receiver().recvOp(), v -> -1L)
                    .tick(heartbeat, scheduled -> scheduled).run());
            assertEquals(10 * MS, (long) Select.<Long>select().biased().on(ch.receiver().recvOp(), v -> -1L)
                    .tick(heartbeat, scheduled -> scheduled).run(), "the missed tick, as tick() returns it");
            assertEquals(20 * MS, heartbeat.nextTick(), "a burst interval catches up one tick at a time");
        });
    }

    @Test
    void onTheRealRuntimeTheTickBranchWinsWhenNothingElseComes() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            long ticks = rt.blockOn(() -> {
                Channel<Integer> ch = Mpsc.unbounded();
                Interval heartbeat = Heddle.clock().interval(Duration.ofMillis(1));
                long won = 0;
                for (int i = 0; i < 3; i++) {
                    won += Select.<Integer>select().on(ch.receiver().recvOp(), v -> 0)
                            .tick(heartbeat, scheduled -> 1).run();
                }
                return won;
            });
            assertEquals(3, ticks);
        }
    }
}
