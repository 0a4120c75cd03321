package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.FaultRecord;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimContext;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The nemesis: every kind it is given fires, each one is undone or healed, its settings are checked. */
class ChaosTest {
    private static final List<String> KINDS = List.of("net.partition", "net.clog", "host.crash", "host.pause");
    private static final Chaos EVERYTHING = Chaos.builder().partitions(0.5).clogs(0.5).crashes(0.5).pauses(0.5)
            .lasting(Duration.ofMillis(100), Duration.ofSeconds(2)).build();

    @Test
    void chaosInjectsEveryKindItIsGiven() {
        SimulationResult r = Simulation.ofSeed(1).run(sim -> {
            Mesh.start(sim, 5);
            EVERYTHING.run(Duration.ofMinutes(1));
        });
        Map<String, FaultRecord> faults = byName(r);
        for (String kind : KINDS) {
            FaultRecord f = faults.get(kind);
            assertTrue(f != null && f.configured() && f.fired() > 5, kind + " in " + r.faults());
        }
    }

    @Test
    void oneWayPartitionsCutOneDirectionAndEachIsRepairedAfterItsWhile() {
        Duration lasting = Duration.ofMillis(400);
        SimulationResult r = Simulation.ofSeed(6).run(sim -> {
            Reachability mesh = Reachability.start(sim, List.of("a", "b", "c"));
            Set<String> all = Set.of("a->b", "a->c", "b->a", "b->c", "c->a", "c->b");
            assertEquals(all, mesh.observe(Duration.ofMillis(30)), "before chaos every link delivers");
            var chaos = sim.spawn(() -> Chaos.builder().oneWayPartitions(4).lasting(lasting, lasting).build()
                    .run(Duration.ofSeconds(3)));
            Map<String, Integer> cutFor = new HashMap<>();
            int longest = 0;
            boolean loneCut = false;
            for (int window = 0; window < 50; window++) {
                Set<String> cut = new HashSet<>(all);
                cut.removeAll(mesh.observe(Duration.ofMillis(30)));
                loneCut |= cut.size() == 1;
                for (String link : all) {
                    int windows = cut.contains(link) ? cutFor.getOrDefault(link, 0) + 1 : 0;
                    cutFor.put(link, windows);
                    longest = Math.max(longest, windows);
                }
            }
            chaos.join();
            assertTrue(loneCut, "some window had one link cut while its reverse delivered");
            // A window is 50 ms of observing (20 + 30): a cut of 400 ms spans at most 9 in a row.
            assertTrue(longest >= 2 && longest <= 9, "a link stayed cut for " + longest + " windows in a row");
        });
        FaultRecord oneWay = byName(r).get("net.partition.one-way");
        assertTrue(oneWay != null && oneWay.configured() && oneWay.fired() > 5, r.faults().toString());
    }

    @Test
    void chaosUndoesEachFaultAfterItsWhile() {
        Duration lasting = Duration.ofMillis(200);
        Simulation.ofSeed(2).run(sim -> {
            Mesh.start(sim, 4);
            long[] downSince = {-1, -1, -1, -1};
            long[] longestDown = {0};
            var observer = sim.spawn(() -> {
                for (int tick = 0; tick < 1_000; tick++) {
                    for (int i = 0; i < 4; i++) {
                        boolean down = sim.hosts().get(i).state() != Host.State.RUNNING;
                        downSince[i] = down ? (downSince[i] < 0 ? sim.now() : downSince[i]) : -1;
                        longestDown[0] = Math.max(longestDown[0], down ? sim.now() - downSince[i] : 0);
                    }
                    sim.sleep(Duration.ofMillis(10));
                }
            });
            Chaos.builder().crashes(1).pauses(1).lasting(lasting, lasting).build().run(Duration.ofSeconds(10));
            observer.join();
            SimContext context = SimContext.current().orElseThrow();
            assertTrue(context.faultCount("host.crash") > 3 && context.faultCount("host.pause") > 3);
            // The observer may look at the instant of an undo before the undo runs: one tick more.
            long bound = lasting.plusMillis(10).toNanos();
            assertTrue(longestDown[0] > 0 && longestDown[0] <= bound, "longest down " + longestDown[0]);
        });
    }

    @Test
    void chaosHitsOnlyTheHostsItIsGiven() {
        Simulation.ofSeed(3).run(sim -> {
            Mesh.start(sim, 4);
            Host spared = sim.hosts().getLast();
            List<String> hit = sim.hosts().stream().map(Host::name).filter(n -> !n.equals(spared.name())).toList();
            Chaos.builder().crashes(2).hosts(hit.toArray(String[]::new)).build().run(Duration.ofSeconds(20));
            assertEquals(1, spared.incarnation());
            assertTrue(sim.hosts().stream().anyMatch(h -> h.incarnation() > 1 || h.state() == Host.State.CRASHED));
        });
    }

    @Test
    void aKindThatFindsNothingToHitIsInert() {
        SimulationResult r = Simulation.ofSeed(4).run(sim -> {
            sim.host("alone", self -> { });
            Chaos.builder().partitions(1).crashes(1).pauses(1).hosts("alone").build().run(Duration.ofSeconds(30));
        });
        assertTrue(byName(r).get("host.crash").fired() > 0, "the one host crashes: " + r.faults());
        assertTrue(byName(r).get("net.partition").inert(), "one host has no one to be cut from: " + r.faults());
        r = Simulation.ofSeed(4).run(sim -> Chaos.builder().clogs(1).crashes(1).pauses(1).build()
                .run(Duration.ofSeconds(30)));
        for (String kind : List.of("net.clog", "host.crash", "host.pause")) {
            assertTrue(byName(r).get(kind).inert(), "no host started: " + r.faults());
        }
        assertTrue(r.faults().toString().contains("configured, never fired"), r.faults().toString());
    }

    @Test
    void inSwarmModeEachSeedMixesTheKindsItsOwnWayAndEverySeedRecovers() {
        Set<String> profiles = new HashSet<>();
        Set<List<Long>> counts = new HashSet<>();
        Map<String, Integer> seedsWith = new HashMap<>();
        Map<String, Integer> seedsWithout = new HashMap<>();
        for (long seed = 0; seed < 20; seed++) {
            SimulationResult r = Simulation.ofSeed(seed).swarm(true).run(sim -> {
                Mesh mesh = Mesh.start(sim, 4);
                Phases phases = Phases.chaos(Duration.ofSeconds(20), EVERYTHING).thenHeal();
                long healed = sim.now();
                phases.thenExpectWithin(Duration.ofSeconds(1), "every host hears every other",
                        () -> mesh.allHeardSince(healed));
            });
            profiles.add(r.swarm().orElseThrow().toString());
            Map<String, FaultRecord> faults = byName(r);
            List<Long> fired = new ArrayList<>();
            for (String kind : KINDS) {
                FaultRecord f = faults.get(kind);
                fired.add(f == null ? 0 : f.fired());
                boolean on = r.swarm().orElseThrow().on(kind);
                assertEquals(on, f != null && f.configured(), kind + " of seed " + seed + ": " + r);
                (on && f.fired() > 0 ? seedsWith : seedsWithout).merge(kind, 1, Integer::sum);
            }
            counts.add(fired);
        }
        assertTrue(profiles.size() >= 10, "profiles: " + profiles);
        assertTrue(counts.size() >= 10, "fault counts: " + counts);
        for (String kind : KINDS) {
            assertTrue(seedsWith.getOrDefault(kind, 0) > 0 && seedsWithout.getOrDefault(kind, 0) > 0,
                    kind + ": fired in " + seedsWith.get(kind) + " seeds, not in " + seedsWithout.get(kind));
        }
    }

    @Test
    void theSameSeedInjectsTheSameFaults() {
        Simulation.ofSeed(5).checkDeterminism(sim -> {
            Mesh.start(sim, 5);
            EVERYTHING.run(Duration.ofSeconds(30));
        });
    }

    @Test
    void badSettingsFailNamingTheValue() {
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> Chaos.builder().crashes(-1));
        assertTrue(rate.getMessage().contains("crashes") && rate.getMessage().contains("-1.0"), rate.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Chaos.builder().partitions(Double.NaN));
        assertTrue(nan.getMessage().contains("partitions") && nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException lasting = assertThrows(IllegalArgumentException.class,
                () -> Chaos.builder().lasting(Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertTrue(lasting.getMessage().contains("PT5S") && lasting.getMessage().contains("PT1S"),
                lasting.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Chaos.builder().hosts());
        assertThrows(IllegalStateException.class, () -> EVERYTHING.run(Duration.ofSeconds(1)));
        Simulation.ofSeed(6).run(sim -> {
            sim.host("db", self -> { });
            IllegalArgumentException ghost = assertThrows(IllegalArgumentException.class,
                    () -> Chaos.builder().crashes(1).hosts("ghost").build().run(Duration.ofSeconds(1)));
            assertTrue(ghost.getMessage().contains("ghost") && ghost.getMessage().contains("[db]"),
                    ghost.getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> EVERYTHING.run(Duration.ofSeconds(-1)));
            assertTrue(negative.getMessage().contains("PT-1S"), negative.getMessage());
        });
    }

    static Map<String, FaultRecord> byName(SimulationResult r) {
        return r.faults().stream().collect(Collectors.toMap(FaultRecord::name, Function.identity()));
    }
}
