package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.SendException;
import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cancellation safety as a property: producers on two channels (plain sends and select send
 * branches racing a timer), a consumer selecting between both channels and a short timer,
 * tasks aborted at random points, and receivers closed at random points. Whatever the
 * interleaving, every value a producer tried to send is either received exactly once, or was
 * handed back to its producer (its send threw: a {@link SendException} carrying it once the
 * receiver closed, or the cancellation of an aborted send), never both.
 */
class CancellationSafetyPropertyTest {
    private static final int PRODUCERS_PER_CHANNEL = 2;
    private static final int VALUES_PER_PRODUCER = 25;

    /** Values handed back inside a SendException, over every seed run: the close path must be exercised. */
    private final AtomicLong handedBackOnClose = new AtomicLong();

    @Test
    void everyValueIsReceivedOnceOrHandedBackOver500Seeds() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).strategy(seed % 2 == 0 ? Strategy.RANDOM : Strategy.PCT).run(this::scenario);
        }
        assertTrue(handedBackOnClose.get() > 2_000, "only " + handedBackOnClose.get()
                + " values were handed back by a closed receiver over 500 seeds: the close path is barely run");
    }

    @Test
    void theScenarioIsDeterministic() {
        for (long seed = 0; seed < 5; seed++) {
            Simulation.ofSeed(seed).checkDeterminism(this::scenario);
        }
    }

    /** The fuzz profile: {@code -Dheddle.fuzz=true}. */
    @Test
    @EnabledIfSystemProperty(named = "heddle.fuzz", matches = "true")
    void everyValueIsReceivedOnceOrHandedBackOver10000Seeds() {
        for (long seed = 500; seed < 10_500; seed++) {
            Simulation.ofSeed(seed).strategy(seed % 2 == 0 ? Strategy.RANDOM : Strategy.PCT).run(this::scenario);
        }
    }

    private void scenario(Sim sim) {
        Ledger ledger = new Ledger();
        Channel<Integer> a = Mpsc.bounded(2);
        Channel<Integer> b = Mpsc.bounded(3);
        List<JoinHandle<Void>> producers = new ArrayList<>();
        int id = 0;
        for (Channel<Integer> ch : List.of(a, b)) {
            for (int p = 0; p < PRODUCERS_PER_CHANNEL; p++) {
                Sender<Integer> tx = ch.sender().clone();
                int first = id++ * 1000;
                boolean viaSelect = p % 2 == 1;
                producers.add(sim.spawn(() -> produce(tx, first, viaSelect, ledger)));
            }
            ch.sender().close();
        }
        JoinHandle<Void> consumer = sim.spawn(() -> consume(sim, a, b, ledger));
        for (int round = 0; round < 6; round++) {
            sim.sleep(Duration.ofNanos(sim.random().nextLong(2_000_000)));
            int victim = sim.random().nextInt(producers.size() + 2);
            if (victim == producers.size() + 1) {
                (sim.random().nextBoolean() ? a : b).receiver().close();
            } else if (victim == producers.size()) {
                consumer.abort();
                awaitEnd(consumer);
                consumer = sim.spawn(() -> consume(sim, a, b, ledger));
            } else {
                producers.get(victim).abort();
            }
        }
        for (JoinHandle<Void> p : producers) {
            awaitEnd(p);
        }
        consumer.abort();
        awaitEnd(consumer);
        for (Channel<Integer> ch : List.of(a, b)) {
            Integer v;
            while ((v = ch.receiver().recv()) != null) {
                ledger.received(v);
            }
        }
        ledger.check(sim.seed());
        handedBackOnClose.addAndGet(ledger.handedBackOnClose);
    }

    private static Void produce(Sender<Integer> tx, int first, boolean viaSelect, Ledger ledger) {
        try (tx) {
            for (int v = first; v < first + VALUES_PER_PRODUCER; v++) {
                ledger.attempted(v);
                try {
                    if (viaSelect) {
                        sendRacingATimer(tx, v);
                    } else {
                        tx.send(v);
                    }
                    ledger.sent(v);
                } catch (SendException e) {
                    assertEquals(SendException.Reason.CLOSED, e.reason());
                    assertEquals(v, e.<Integer>value(), "the exception hands back the value that was being sent");
                    ledger.handedBackOnClose(e.<Integer>value());
                } catch (CancellationException e) {
                    ledger.handedBack(v);
                    throw e;
                }
            }
        }
        return null;
    }

    /**
     * Offers {@code v} against a short timer until the send branch wins; a lost round keeps the
     * value. A closed receiver disables the send branch, so once it is closed the plain send
     * hands the value back in its exception.
     */
    private static void sendRacingATimer(Sender<Integer> tx, int v) {
        while (!tx.isClosed()) {
            if (Select.<Boolean>select().on(tx.sendOp(v), _ -> true).sleep(Duration.ofMillis(1), () -> false).run()) {
                return;
            }
        }
        tx.send(v);
    }

    /** Receives until both channels end; pauses now and then so that producers fill the channels and wait. */
    private static Void consume(Sim sim, Channel<Integer> a, Channel<Integer> b, Ledger ledger) {
        while (true) {
            if (sim.random().nextInt(3) == 0) {
                sim.sleep(Duration.ofNanos(300_000));
            }
            Boolean more = Select.<Boolean>select()
                    .on(a.receiver().recvOp(), v -> ledger.received(v))
                    .on(b.receiver().recvOp(), v -> ledger.received(v))
                    .sleep(Duration.ofNanos(500_000), () -> true)
                    .orElse(() -> false)
                    .run();
            if (!more) {
                return null;
            }
        }
    }

    private static void awaitEnd(JoinHandle<Void> h) {
        try {
            h.join();
        } catch (JoinException e) {
            if (!e.isCancelled()) {
                throw e;
            }
        }
    }

    /** What happened to every value, as the tasks saw it. Touched by one carrier at a time. */
    private static final class Ledger {
        private final Set<Integer> attempted = new HashSet<>();
        private final Set<Integer> sent = new HashSet<>();
        private final Set<Integer> handedBack = new HashSet<>();
        private final List<Integer> received = new ArrayList<>();
        private int handedBackOnClose;

        void attempted(int v) {
            attempted.add(v);
        }

        void sent(int v) {
            sent.add(v);
        }

        void handedBack(int v) {
            handedBack.add(v);
        }

        void handedBackOnClose(int v) {
            handedBack(v);
            handedBackOnClose++;
        }

        boolean received(int v) {
            received.add(v);
            return true;
        }

        void check(long seed) {
            Set<Integer> unique = new HashSet<>(received);
            assertEquals(received.size(), unique.size(), "seed " + seed + ": a value was received twice: " + received);
            assertEquals(sent, unique, "seed " + seed + ": received values must be exactly the values whose send returned");
            for (int v : handedBack) {
                assertTrue(!unique.contains(v), "seed " + seed + ": value " + v + " was handed back and also received");
                assertTrue(!sent.contains(v), "seed " + seed + ": value " + v + " was handed back and its send returned");
            }
            Set<Integer> accounted = new HashSet<>(sent);
            accounted.addAll(handedBack);
            assertEquals(attempted, accounted,
                    "seed " + seed + ": every value a producer tried must be received or handed back");
        }
    }
}
