package dev.heddle.channel.mpsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Reserving several slots at once ({@link Sender#reserveMany}, {@link Permits}) and receiving several values ({@link Receiver#recvMany}). */
class ReserveManyTest {

    /** Lets every other task run until it waits: virtual time moves only once no task is ready. */
    private static void settle() {
        Heddle.sleep(Duration.ofMillis(1));
    }

    @Test
    void aWaitingReserveManyHoldsTheSlotsFreedSoFarAndSendsBehindItWait() {
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> ch = Mpsc.bounded(3);
                Sender<Integer> tx = ch.sender();
                tx.send(1);
                tx.send(2);
                JoinHandle<Permits<Integer>> big = sim.spawn(() -> tx.reserveMany(3));
                settle();
                assertEquals(0, tx.capacity(), "the reserve of three holds the one free slot while it waits");
                JoinHandle<Void> small = sim.spawn(() -> tx.send(9));
                settle();
                assertEquals(1, ch.receiver().recv());
                settle();
                assertFalse(big.isFinished(), "two of three slots");
                assertFalse(small.isFinished(), "a send behind the big reserve does not overtake it");
                assertEquals(2, ch.receiver().recv());
                try (Permits<Integer> permits = big.join()) {
                    assertEquals(3, permits.remaining());
                    permits.next().send(3);
                }
                small.join();
                assertEquals(3, ch.receiver().recv());
                assertEquals(9, ch.receiver().recv());
                assertEquals(3, tx.capacity(), "the two permits never handed out went back on close");
            });
        }
    }

    @Test
    void anAbortedReserveManyGivesBackWhatItHeldToTheNextInLine() {
        Simulation.ofSeed(3).run(sim -> {
            Channel<Integer> ch = Mpsc.bounded(2);
            Sender<Integer> tx = ch.sender();
            Permit<Integer> held = tx.reserve();
            JoinHandle<Permits<Integer>> big = sim.spawn(() -> tx.reserveMany(2));
            JoinHandle<Permit<Integer>> next = sim.spawn(() -> tx.reserve());
            settle();
            assertEquals(0, tx.capacity());
            big.abort();
            settle();
            assertTrue(next.isFinished(), "the slot the aborted reserve held goes to the next in line");
            next.join().close();
            held.close();
            assertEquals(2, tx.capacity());
            assertEquals(0, ch.receiver().queuedWaiters());
        });
    }

    @Test
    void aReserveManyBranchThatLosesASelectHoldsNothing() {
        Simulation.ofSeed(4).run(sim -> {
            Channel<Integer> ch = Mpsc.bounded(2);
            Sender<Integer> tx = ch.sender();
            Permit<Integer> held = tx.reserve();
            Channel<String> other = Mpsc.bounded(1);
            sim.spawn(() -> {
                Heddle.sleep(Duration.ofMillis(5));
                other.sender().send("won");
            });
            String winner = Select.<String>select().on(tx.reserveManyOp(2), p -> "reserved")
                    .on(other.receiver().recvOp(), v -> v).run();
            assertEquals("won", winner);
            assertEquals(1, tx.capacity(), "the losing branch gave back the slot it held while waiting");
            assertEquals(0, ch.receiver().queuedWaiters());
            held.close();
        });
    }

    @Test
    void permitsHandOutEachSlotOnceAndRefuseMore() {
        Channel<Integer> ch = Mpsc.bounded(4);
        Permits<Integer> permits = ch.sender().tryReserveMany(2);
        int sent = 0;
        for (Permit<Integer> p : permits) {
            p.send(sent++);
        }
        assertEquals(2, sent);
        assertFalse(permits.hasNext());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, permits::next);
        assertTrue(e.getMessage().contains("used up"), e.getMessage());
        permits.close();
        assertEquals(2, ch.sender().capacity(), "the two values hold their slots");
        assertThrows(IllegalArgumentException.class, () -> ch.sender().reserveMany(-1));
        assertThrows(IllegalArgumentException.class, () -> ch.sender().tryReserveMany(-1));
        IllegalArgumentException above = assertThrows(IllegalArgumentException.class, () -> ch.sender().reserveMany(5));
        assertTrue(above.getMessage().contains("capacity 4"), above.getMessage());
        assertNull(ch.sender().tryReserveMany(5), "more than the capacity is never free: null, as Tokio's Full");
    }

    @Test
    void producersReservingBatchesOnWorkerThreadsDeliverEveryValueOnceInPerProducerOrder() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int[] next = rt.blockOn(() -> {
                Channel<long[]> ch = Mpsc.bounded(8);
                for (int p = 0; p < 4; p++) {
                    Sender<long[]> tx = ch.sender().clone();
                    long producer = p;
                    Heddle.spawn(() -> {
                        try (tx) {
                            long i = 0;
                            while (i < 3_000) {
                                int batch = (int) Math.min(1 + (i + producer) % 5, 3_000 - i);
                                try (Permits<long[]> permits = tx.reserveMany(batch)) {
                                    for (Permit<long[]> permit : permits) {
                                        permit.send(new long[] {producer, i++});
                                    }
                                }
                            }
                        }
                    });
                }
                ch.sender().close();
                int[] seen = new int[4];
                List<long[]> buffer = new ArrayList<>();
                while (ch.receiver().recvMany(buffer, 16) > 0) {
                    for (long[] v : buffer) {
                        assertEquals(seen[(int) v[0]], v[1], "values of producer " + v[0] + " out of order");
                        seen[(int) v[0]]++;
                    }
                    buffer.clear();
                }
                return seen;
            });
            for (int p = 0; p < 4; p++) {
                assertEquals(3_000, next[p], "values delivered by producer " + p);
            }
        }
    }

    @Test
    void recvManyTakesWhatIsQueuedUpToTheLimitAndWaitsOnlyForTheFirst() {
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> ch = Mpsc.bounded(8);
                Receiver<Integer> rx = ch.receiver();
                List<Integer> buffer = new ArrayList<>(List.of(-1));
                JoinHandle<Integer> many = sim.spawn(() -> rx.recvMany(buffer, 3));
                settle();
                assertFalse(many.isFinished(), "waits for a first value");
                for (int i = 0; i < 5; i++) {
                    ch.sender().send(i);
                }
                int got = many.join();
                assertTrue(got >= 1 && got <= 3, "between one and the limit, was " + got);
                assertEquals(got + 1, buffer.size(), "appended to what the buffer held");
                assertEquals(List.of(-1, 0), buffer.subList(0, 2));
                assertThrows(IllegalArgumentException.class, () -> rx.recvMany(buffer, -1));
                ch.sender().close();
                List<Integer> rest = new ArrayList<>();
                while (rx.recvMany(rest, 10) > 0) {
                    // drain
                }
                assertEquals(5 - got, rest.size());
                assertThrows(ChannelClosedException.class, rx::tryRecv);
            });
        }
    }
}
