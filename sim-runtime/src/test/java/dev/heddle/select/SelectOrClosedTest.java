package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code recvOp().orClosed()}: a select branch that sees the end of its channel as a value, where
 * a plain receive branch is disabled by it (Tokio's {@code None => break} against its
 * {@code Some(v) = rx.recv()} pattern).
 */
class SelectOrClosedTest {

    @Test
    void aLoopOverAChannelAndATimerSeesEveryValueThenTheEndOnceOnEverySeed() {
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> events = Mpsc.bounded(2);
                sim.spawn(() -> {
                    for (int i = 1; i <= 3; i++) {
                        events.sender().send(i);
                        sim.sleep(Duration.ofMillis(3));
                    }
                    events.sender().close();
                });
                List<Integer> seen = new ArrayList<>();
                int[] ends = {0};
                boolean open = true;
                while (open) {
                    open = Select.<Boolean>select()
                            .on(events.receiver().recvOp().orClosed(), e -> {
                                e.ifPresentOrElse(seen::add, () -> ends[0]++);
                                return e.isPresent();
                            })
                            .sleep(Duration.ofMillis(1), () -> true)
                            .run();
                }
                assertEquals(List.of(1, 2, 3), seen);
                assertEquals(1, ends[0], "the end is seen once, and ends the loop");
                assertEquals(0, events.receiver().queuedWaiters(), "the timer's wins left no receive queued");
            });
        }
    }

    @Test
    void theEndIsAValueWhereAPlainReceiveBranchIsDisabled() {
        Simulation.ofSeed(1).run(sim -> {
            Channel<String> ch = Mpsc.bounded(1);
            ch.sender().send("last");
            ch.sender().close();
            assertEquals(Optional.of("last"), SelectableOp.await(ch.receiver().recvOp().orClosed()));
            assertEquals(Optional.empty(), SelectableOp.await(ch.receiver().recvOp().orClosed()));
            assertEquals("every branch closed", Select.<String>select()
                    .on(ch.receiver().recvOp(), v -> "got " + v).orElse(() -> "every branch closed").run());
            assertEquals("the channel ended", Select.<String>select()
                    .on(ch.receiver().recvOp().orClosed(), v -> v.map(s -> "got " + s).orElse("the channel ended"))
                    .orElse(() -> "every branch closed").run());
        });
    }
}
