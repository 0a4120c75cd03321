package dev.heddle.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.broadcast.Broadcast;
import dev.heddle.channel.broadcast.LaggedException;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.watch.Watch;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each channel's guarantees over many seeded interleavings. */
class ChannelSimulationTest {
    private static final int SEEDS = 200;

    private static Simulation sim(long seed) {
        return Simulation.ofSeed(seed).strategy(seed % 2 == 0 ? Strategy.RANDOM : Strategy.PCT);
    }

    @Test
    void mpscDeliversEveryValueOnceInPerProducerOrderAndThenEnds() {
        for (long seed = 0; seed < SEEDS; seed++) {
            sim(seed).run(sim -> {
                var ch = Mpsc.<int[]>bounded(1 + sim.random().nextInt(3));
                for (int p = 0; p < 3; p++) {
                    var tx = ch.sender().clone();
                    int producer = p;
                    sim.spawn(() -> {
                        try (tx) {
                            for (int i = 0; i < 20; i++) {
                                tx.send(new int[] {producer, i});
                                if (sim.random().nextBoolean()) {
                                    Heddle.yieldNow();
                                }
                            }
                        }
                    });
                }
                ch.sender().close();
                int[] next = new int[3];
                int[] v;
                while ((v = ch.receiver().recv()) != null) {
                    assertEquals(next[v[0]]++, v[1], "producer " + v[0] + " out of order");
                }
                assertEquals(List.of(20, 20, 20), List.of(next[0], next[1], next[2]));
            });
        }
    }

    @Test
    void broadcastReceiverAccountsForEveryValueAsReceivedOrMissed() {
        for (long seed = 0; seed < SEEDS; seed++) {
            sim(seed).run(sim -> {
                var ch = Broadcast.<Integer>channel(1 + sim.random().nextInt(4));
                List<JoinHandle<long[]>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    var rx = ch.sender().subscribe();
                    readers.add(sim.spawn(() -> {
                        long received = 0;
                        long missed = 0;
                        int last = -1;
                        while (true) {
                            try {
                                Integer v = rx.recv();
                                if (v == null) {
                                    return new long[] {received, missed};
                                }
                                assertTrue(v > last, "values arrive in send order");
                                last = v;
                                received++;
                            } catch (LaggedException lag) {
                                missed += lag.missed();
                            }
                        }
                    }));
                }
                ch.receiver().close();
                try (var tx = ch.sender()) {
                    for (int i = 0; i < 30; i++) {
                        tx.send(i);
                        if (sim.random().nextBoolean()) {
                            Heddle.yieldNow();
                        }
                    }
                }
                for (JoinHandle<long[]> r : readers) {
                    long[] counts = r.join();
                    assertEquals(30, counts[0] + counts[1], "received + missed must be every value sent");
                }
            });
        }
    }

    @Test
    void watchReceiversSeeIncreasingVersionsAndEndAtTheLastValue() {
        for (long seed = 0; seed < SEEDS; seed++) {
            sim(seed).run(sim -> {
                var ch = Watch.channel(0);
                List<JoinHandle<Integer>> watchers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    var rx = ch.sender().subscribe();
                    watchers.add(sim.spawn(() -> {
                        int last = 0;
                        while (true) {
                            try {
                                int v = rx.changed();
                                assertTrue(v > last, "a newer version has a larger value here");
                                last = v;
                            } catch (ChannelClosedException e) {
                                return last;
                            }
                        }
                    }));
                }
                for (int i = 1; i <= 15; i++) {
                    ch.sender().send(i);
                    if (sim.random().nextBoolean()) {
                        Heddle.yieldNow();
                    }
                }
                ch.sender().close();
                for (JoinHandle<Integer> w : watchers) {
                    assertEquals(15, w.join());
                }
            });
        }
    }
}
