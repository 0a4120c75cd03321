package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.broadcast.Broadcast;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.channel.watch.Watch;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * "A branch that loses leaves no waiter behind", made observable: each channel's
 * {@code queuedWaiters()} counts the nodes still queued, including abandoned ones that a
 * later {@code claimFirst} would skip, so a select that failed to dequeue a loser fails here.
 * For each channel kind, and each of the two ways a waiting branch ends without winning: another
 * branch commits, or the selecting task is aborted.
 */
class SelectLosersLeaveNoTraceTest {

    /** One channel kind, seen from a select: its branch, a way to make another branch win, and its queue. */
    private interface Kind {
        Select<String> addBranch(Select<String> select);

        IntSupplier queuedWaiters();
    }

    private static Kind mpscRecv() {
        var ch = Mpsc.<String>unbounded();
        return kind(s -> s.on(ch.receiver().recvOp(), v -> "mpsc:" + v), ch.receiver()::queuedWaiters);
    }

    private static Kind mpscSend() {
        var ch = Mpsc.<String>bounded(1);
        ch.sender().send("filler");
        return kind(s -> s.on(ch.sender().sendOp("sent"), _ -> "mpsc-send"), ch.receiver()::queuedWaiters);
    }

    private static Kind mpscReserve() {
        var ch = Mpsc.<String>bounded(1);
        ch.sender().send("filler");
        return kind(s -> s.on(ch.sender().reserveOp(), permit -> {
            permit.close();
            return "mpsc-reserve";
        }), ch.receiver()::queuedWaiters);
    }

    private static Kind oneshotRecv() {
        var ch = Oneshot.<String>channel();
        return kind(s -> s.on(ch.receiver().recvOp(), v -> "oneshot:" + v), ch.receiver()::queuedWaiters);
    }

    private static Kind broadcastRecv() {
        var ch = Broadcast.<String>channel(4);
        return kind(s -> s.on(ch.receiver().recvOp(), v -> "broadcast:" + v), ch.receiver()::queuedWaiters);
    }

    private static Kind watchChanged() {
        var ch = Watch.channel("v0");
        return kind(s -> s.on(ch.receiver().changedOp(), v -> "watch:" + v), ch.receiver()::queuedWaiters);
    }

    private static Kind kind(UnaryOperator<Select<String>> branch, IntSupplier waiters) {
        return new Kind() {
            @Override
            public Select<String> addBranch(Select<String> select) {
                return branch.apply(select);
            }

            @Override
            public IntSupplier queuedWaiters() {
                return waiters;
            }
        };
    }

    private static final List<Supplier<Kind>> KINDS = List.of(
            SelectLosersLeaveNoTraceTest::mpscRecv, SelectLosersLeaveNoTraceTest::mpscSend,
            SelectLosersLeaveNoTraceTest::mpscReserve, SelectLosersLeaveNoTraceTest::oneshotRecv,
            SelectLosersLeaveNoTraceTest::broadcastRecv, SelectLosersLeaveNoTraceTest::watchChanged);

    @Test
    void aBranchThatLosesToAnotherLeavesNoWaiter() {
        for (var make : KINDS) {
            Simulation.ofSeed(KINDS.indexOf(make)).run(sim -> {
                Kind k = make.get();
                var winner = Oneshot.<String>channel();
                JoinHandle<String> sel = sim.spawn(() ->
                        k.addBranch(Select.<String>select()).on(winner.receiver().recvOp(), v -> "winner:" + v).run());
                sim.sleep(Duration.ofMillis(1));
                assertEquals(1, k.queuedWaiters().getAsInt(), "while the select waits, its branch is queued");
                winner.sender().send("w");
                assertEquals("winner:w", sel.join());
                assertEquals(0, k.queuedWaiters().getAsInt(), "the losing branch left its node behind");
                assertEquals(0, winner.receiver().queuedWaiters());
            });
        }
    }

    @Test
    void aBranchThatLosesToASleepLeavesNoWaiter() {
        for (var make : KINDS) {
            Simulation.ofSeed(KINDS.indexOf(make)).run(sim -> {
                Kind k = make.get();
                String r = k.addBranch(Select.<String>select()).sleep(Duration.ofMillis(5), () -> "slept").run();
                assertEquals("slept", r);
                assertEquals(0, k.queuedWaiters().getAsInt(), "the branch that lost to the sleep left its node behind");
            });
        }
    }

    @Test
    void anAbortedSelectLeavesNoWaiter() {
        for (var make : KINDS) {
            Simulation.ofSeed(KINDS.indexOf(make)).run(sim -> abortWhileWaiting(sim, make.get()));
        }
    }

    private static void abortWhileWaiting(Sim sim, Kind k) {
        var other = Oneshot.<String>channel();
        JoinHandle<String> doomed = sim.spawn(() ->
                k.addBranch(Select.<String>select()).on(other.receiver().recvOp(), v -> v).run());
        sim.sleep(Duration.ofMillis(1));
        assertEquals(1, k.queuedWaiters().getAsInt(), "while the select waits, its branch is queued");
        assertEquals(1, other.receiver().queuedWaiters());
        doomed.abort();
        JoinException e = assertThrows(JoinException.class, doomed::join);
        assertTrue(e.isCancelled());
        assertEquals(0, k.queuedWaiters().getAsInt(), "the aborted select left its node behind");
        assertEquals(0, other.receiver().queuedWaiters(), "the aborted select left its oneshot node behind");
    }
}
