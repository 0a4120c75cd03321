package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad settings and names fail at once, naming the value. */
class SimNetBadArgumentsTest {
    private static final Duration MS = Duration.ofMillis(1);

    @Test
    void badLatenciesNameTheValue() {
        fails("PT-0.001S", () -> Latency.fixed(Duration.ofMillis(-1)));
        fails("PT0.005S", () -> Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(2)));
        fails("PT0.002S", () -> Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(2)));
        fails("1.5", () -> Latency.of(MS, MS.multipliedBy(3), 1.5, MS.multipliedBy(9)));
        fails("NaN", () -> Latency.of(MS, MS.multipliedBy(3), Double.NaN, MS.multipliedBy(9)));
        fails("PT0.004S", () -> Latency.of(MS, MS.multipliedBy(3), 0.1, MS.multipliedBy(4)));
        fails("PT0.001S", () -> Latency.of(MS.multipliedBy(2), MS, 0.1, MS.multipliedBy(9)));
        assertThrows(NullPointerException.class, () -> Latency.fixed(null));
    }

    @Test
    void badLinkSettingsNameTheValue() {
        inSimulation(net -> {
            Link link = net.defaults();
            for (double bad : new double[] {-0.1, 1.1, Double.NaN, Double.POSITIVE_INFINITY}) {
                fails(String.valueOf(bad), () -> link.loss(bad));
                fails(String.valueOf(bad), () -> link.duplicate(bad));
                fails(String.valueOf(bad), () -> link.reorder(bad));
            }
            fails("-5", () -> link.bandwidth(-5));
            link.loss(0).loss(1).duplicate(0.5).reorder(1).bandwidth(0);
        });
    }

    @Test
    void unknownHostNamesFailInEveryMethodNamingTheKnownOnes() {
        inSimulation(net -> {
            List<Executable> calls = List.of(
                    () -> net.link("a", "nowhere"),
                    () -> net.link("nowhere", "a"),
                    () -> net.partition(List.of("a"), List.of("nowhere")),
                    () -> net.partition(List.of("nowhere"), List.of("a")),
                    () -> net.partitionOneWay("a", "nowhere"),
                    () -> net.partitionOneWay("nowhere", "a"),
                    () -> net.isolate("nowhere"),
                    () -> net.repair("a", "nowhere"),
                    () -> net.repair("nowhere", "a"),
                    () -> net.clog("nowhere"),
                    () -> net.unclog("nowhere"),
                    () -> net.clogLink("a", "nowhere"),
                    () -> net.unclogLink("nowhere", "a"),
                    () -> net.swizzleClog(List.of("a", "nowhere"), MS),
                    () -> net.hold("nowhere", "a"),
                    () -> net.release("a", "nowhere"));
            for (Executable call : calls) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
                assertTrue(e.getMessage().contains("\"nowhere\"") && e.getMessage().contains("[a, b, sim]"),
                        e.getMessage());
            }
        });
    }

    @Test
    void partitionsOfAHostWithItselfOrOfEmptySidesFail() {
        inSimulation(net -> {
            fails("\"a\"", () -> net.partitionOneWay("a", "a"));
            fails("\"a\"", () -> net.partition(List.of("a"), List.of("b", "a")));
            fails("[]", () -> net.partition(List.of(), List.of("a")));
            fails("[]", () -> net.partition(List.of("a"), List.of()));
            fails("\"b\"", () -> net.partition(List.of("b", "b"), List.of("a")));
            fails("\"a\"", () -> net.link("a", "a"));
            fails("\"a\"", () -> net.hold("a", "a"));
            fails("PT0S", () -> net.swizzleClog(List.of("a"), Duration.ZERO));
            fails("[]", () -> net.swizzleClog(List.of(), MS));
            fails("there are 2: [a, b]", () -> net.bridge());
            fails("there are 2: [a, b]", () -> net.ring());
        });
    }

    @Test
    void outsideASimulationThereIsNoSimulatedNetwork() {
        IllegalStateException e = assertThrows(IllegalStateException.class, SimNet::current);
        assertTrue(e.getMessage().contains("outside a simulation"), e.getMessage());
    }

    private static void inSimulation(Consumer<SimNet> test) {
        Simulation.ofSeed(1).run(sim -> {
            sim.host("a", self -> { });
            sim.host("b", self -> { });
            test.accept(SimNet.current());
        });
    }

    private static void fails(String named, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(named), "the message names " + named + ": " + e.getMessage());
    }
}
