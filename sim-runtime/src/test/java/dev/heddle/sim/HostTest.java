package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.select.Select;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What code on a simulated host sees: its host's name, address and clock, in every task it spawns. */
class HostTest {
    private static final long MS = 1_000_000;

    @Test
    void hostsWithDifferentClockOffsetsSeeDifferentTimes() {
        Simulation.ofSeed(1).run(sim -> {
            long[] now = new long[4];
            Instant[] instant = new Instant[2];
            Host a = sim.host("a", HostClock.EXACT, self -> {
                now[0] = Heddle.now();
                Heddle.sleep(Duration.ofSeconds(1));
                now[1] = Heddle.now();
                instant[0] = Heddle.clock().instant();
            });
            Host b = sim.host("b", new HostClock(Duration.ofMillis(250), 0), self -> {
                now[2] = Heddle.now();
                Heddle.sleep(Duration.ofSeconds(1));
                now[3] = Heddle.now();
                instant[1] = Heddle.clock().instant();
            });
            a.mainTask().join();
            b.mainTask().join();
            assertEquals(0, now[0]);
            assertEquals(1_000 * MS, now[1]);
            assertEquals(250 * MS, now[2]);
            assertEquals(1_250 * MS, now[3]);
            assertEquals(Duration.ofMillis(250), Duration.between(instant[0], instant[1]));
            assertEquals(1_000 * MS, sim.now(), "outside every host the clock is true time");
        });
    }

    @Test
    void aNegativeOffsetPutsAHostsClockBehind() {
        Simulation.ofSeed(2).run(sim -> {
            long[] now = new long[1];
            sim.host("late", new HostClock(Duration.ofSeconds(-2), 0), self -> now[0] = Heddle.now())
                    .mainTask().join();
            assertEquals(-2_000 * MS, now[0]);
        });
    }

    /** 5% fast: one second on the host is 1/1.05 s of true time, which the timer wheel rounds up to 953 ms. */
    @Test
    void driftMakesAHostsSecondLastTheDriftedTrueTime() {
        Simulation.ofSeed(3).run(sim -> {
            long[] local = new long[2];
            Host fast = sim.host("fast", new HostClock(Duration.ZERO, 50_000), self -> {
                Heddle.sleep(Duration.ofSeconds(1));
                local[0] = Heddle.now();
            });
            fast.mainTask().join();
            assertEquals(953 * MS, sim.now());
            assertEquals(1_000_650 * 1_000L, local[0], "953 ms of true time read 5% more on the host");

            long start = sim.now();
            Host slow = sim.host("slow", new HostClock(Duration.ZERO, -50_000), self -> {
                Heddle.sleep(Duration.ofSeconds(1));
                local[1] = Heddle.now();
            });
            slow.mainTask().join();
            assertEquals(1_053 * MS, sim.now() - start, "1 s / 0.95, rounded up to the millisecond");
            assertTrue(local[1] - Math.round(start * 0.95) >= 1_000 * MS, "the host's own second has passed");
        });
    }

    @Test
    void timeoutsAndSelectSleepsRunOnTheHostsClock() {
        Simulation.ofSeed(4).run(sim -> {
            List<String> seen = new ArrayList<>();
            Host fast = sim.host("fast", new HostClock(Duration.ofHours(1), 50_000), self -> {
                try {
                    Heddle.clock().timeout(Duration.ofSeconds(1), () -> Heddle.sleep(Duration.ofHours(1)));
                } catch (Elapsed e) {
                    seen.add("elapsed");
                }
                seen.add(Select.<String>select().sleep(Duration.ofSeconds(1), () -> "slept").run());
            });
            fast.mainTask().join();
            assertEquals(List.of("elapsed", "slept"), seen);
            assertEquals(2 * 953 * MS, sim.now(), "two seconds of a 5% fast clock, each rounded up to 953 ms");
        });
    }

    @Test
    void spawnedTasksInheritTheHostAndCodeOutsideIsOnNone() {
        Simulation.ofSeed(5).run(sim -> {
            List<String> names = new ArrayList<>();
            long[] now = new long[1];
            Host db = sim.host("db-1", new HostClock(Duration.ofMillis(40), 0), self -> {
                names.add(Heddle.hostName());
                Heddle.spawn("child", () -> {
                    names.add(Heddle.hostName());
                    Heddle.spawn("grandchild", () -> {
                        names.add(Heddle.hostName() + " " + Host.current().map(Host::name).orElse("none"));
                        now[0] = Heddle.now();
                    }).join();
                }).join();
            });
            db.mainTask().join();
            assertEquals(List.of("db-1", "db-1", "db-1 db-1"), names);
            assertEquals(40 * MS, now[0], "a grandchild reads the host's clock too");
            assertEquals("sim", Heddle.hostName());
            assertEquals(Optional.empty(), Host.current());
            assertEquals("sim", sim.spawn(Heddle::hostName).join());
            assertSame(db, sim.hosts().getFirst());
        });
    }

    @Test
    void hostsGetDocumentationAddressesWithTheirNames() {
        Simulation.ofSeed(6).run(sim -> {
            Host a = sim.host("a", self -> { });
            Host b = sim.host("b", self -> { });
            assertEquals("192.0.2.1", a.address().getHostAddress());
            assertEquals("192.0.2.2", b.address().getHostAddress());
            assertEquals("a", a.address().getHostName());
        });
        assertEquals("192.0.2.254", HostAddresses.of("x", 253).getHostAddress());
        assertEquals("198.51.100.1", HostAddresses.of("x", 254).getHostAddress());
        assertEquals("203.0.113.254", HostAddresses.of("x", 761).getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:2fb", HostAddresses.of("x", 762).getHostAddress());
    }

    @Test
    void unsetClocksAreDrawnFromTheSeedWithinTheSkewBounds() {
        List<HostClock> first = clocks(Simulation.ofSeed(7));
        assertEquals(first, clocks(Simulation.ofSeed(7)), "the same seed draws the same clocks");
        assertNotEquals(first, clocks(Simulation.ofSeed(8)));
        for (long seed = 0; seed < 50; seed++) {
            for (HostClock c : clocks(Simulation.ofSeed(seed))) {
                assertTrue(c.offset().abs().compareTo(Duration.ofMillis(100)) <= 0, c.toString());
                assertTrue(Math.abs(c.driftPpm()) <= 100, c.toString());
            }
        }
        for (HostClock c : clocks(Simulation.ofSeed(7).clockSkew(Duration.ZERO, 0))) {
            assertEquals(HostClock.EXACT, c);
        }
        for (HostClock c : clocks(Simulation.ofSeed(7).clockSkew(Duration.ofSeconds(5), 2_000))) {
            assertTrue(c.offset().abs().compareTo(Duration.ofSeconds(5)) <= 0, c.toString());
            assertTrue(Math.abs(c.driftPpm()) <= 2_000, c.toString());
        }
    }

    private static List<HostClock> clocks(Simulation simulation) {
        List<HostClock> clocks = new ArrayList<>();
        simulation.run(sim -> {
            for (int i = 0; i < 3; i++) {
                clocks.add(sim.host("h" + i, self -> { }).clock());
            }
        });
        return clocks;
    }
}
