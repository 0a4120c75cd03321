package dev.heddle.examples.tutorial;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Receiver;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.runtime.Heddle;
import dev.heddle.select.Select;
import dev.heddle.time.Interval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A select loop serving two channels by priority (Tokio's {@code select!} with {@code biased;},
 * an {@code interval.tick()} branch and an {@code else} branch). Control messages come before data
 * messages: the select polls its branches in written order, so whenever a control message is
 * queued, it wins. A heartbeat beats every {@link #HEARTBEAT} while a producer is still
 * connected. When both producers have closed and their channels are drained, every branch is
 * disabled (the two receives by their closed outcome, the heartbeat by its guard) and
 * {@code orElse} ends the loop.
 *
 * <p>Two producers send a round every {@link #HEARTBEAT}, 5 ms after each beat: one control
 * message and two data messages, each taking {@link #DATA_WORK} to handle.
 *
 * <p>Guarantees: every message is handled exactly once, each channel's in the order sent; no
 * select with a control message queued is won by another branch; the heartbeats come exactly on
 * schedule, one per round; {@code orElse} runs once, and only when both channels are closed and
 * drained.
 */
public final class PriorityLoop {
    /** The heartbeat's period, and the time between two rounds of messages. */
    public static final Duration HEARTBEAT = Duration.ofMillis(10);
    /** How long handling one data message takes. */
    public static final Duration DATA_WORK = Duration.ofMillis(1);

    /**
     * What the loop did.
     *
     * @param handled the messages handled, in order
     * @param heartbeats when each heartbeat was handled, in ms from the start
     * @param controlPassedOver selects that another branch won while a control message was queued
     * @param bothQueued selects that began with a control and a data message queued
     * @param endedClosedAndDrained whether both channels were closed and empty when {@code orElse} ran
     */
    public record Outcome(List<String> handled, List<Long> heartbeats, int controlPassedOver, int bothQueued,
                          boolean endedClosedAndDrained) {}

    private PriorityLoop() {}

    /** Runs {@code rounds} rounds of messages through the loop. */
    public static Outcome run(int rounds) {
        long start = Heddle.now();
        Channel<String> control = Mpsc.bounded(8);
        Channel<String> data = Mpsc.bounded(8);
        Heddle.spawn("control-producer", () -> produce(control.sender(), start, rounds, "c"));
        Heddle.spawn("data-producer", () -> produce(data.sender(), start, rounds, "d", "d"));
        return serve(control.receiver(), data.receiver(), start);
    }

    private static void produce(Sender<String> tx, long start, int rounds, String... kinds) {
        try (tx) {
            for (int round = 0; round < rounds; round++) {
                Heddle.clock().sleepUntil(start + HEARTBEAT.multipliedBy(round).plusMillis(5).toNanos());
                for (int i = 0; i < kinds.length; i++) {
                    tx.send(kinds[i] + round + (kinds.length > 1 ? "." + i : ""));
                }
            }
        }
    }

    private static Outcome serve(Receiver<String> control, Receiver<String> data, long start) {
        List<String> handled = new ArrayList<>();
        List<Long> heartbeats = new ArrayList<>();
        Interval heartbeat = Heddle.clock().interval(HEARTBEAT);
        int passedOver = 0;
        int bothQueued = 0;
        while (true) {
            boolean controlQueued = !control.isEmpty();
            if (controlQueued && !data.isEmpty()) {
                bothQueued++;
            }
            boolean producing = !control.isClosed() || !data.isClosed();
            Branch won = Select.<Branch>select()
                    .biased()
                    .on(control.recvOp(), message -> {
                        handled.add(message);
                        return Branch.CONTROL;
                    })
                    .on(data.recvOp(), message -> {
                        Heddle.sleep(DATA_WORK);
                        handled.add(message);
                        return Branch.DATA;
                    })
                    .when(producing).tick(heartbeat, scheduled -> {
                        heartbeats.add((Heddle.now() - start) / 1_000_000);
                        return Branch.HEARTBEAT;
                    })
                    .orElse(() -> Branch.EVERY_CHANNEL_CLOSED)
                    .run();
            if (controlQueued && won != Branch.CONTROL) {
                passedOver++;
            }
            if (won == Branch.EVERY_CHANNEL_CLOSED) {
                boolean closedAndDrained = control.isClosed() && control.isEmpty() && data.isClosed() && data.isEmpty();
                return new Outcome(handled, heartbeats, passedOver, bothQueued, closedAndDrained);
            }
        }
    }

    /** Which branch of the loop's select won. */
    private enum Branch { CONTROL, DATA, HEARTBEAT, EVERY_CHANNEL_CLOSED }
}
