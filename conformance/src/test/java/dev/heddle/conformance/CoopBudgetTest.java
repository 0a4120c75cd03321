package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.Datagram;
import dev.heddle.net.UdpSocket;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code tokio/tests/coop_budget.rs}: the cooperative budget. Every task gets 128 units each
 * time it resumes; an operation that completes without waiting spends one, and once they are
 * spent the next one yields first ({@link Heddle#consumeBudget()}, {@link Heddle#hasBudgetRemaining()}).
 */
class CoopBudgetTest {
    private static final int BUDGET = 128;

    /**
     * Two sockets spam datagrams through loopback, where each one reaches the receiver's buffer
     * during its send: neither socket ever waits, so the loop yields only for its budget, once
     * per 64 datagrams (a send and a receive each spend a unit). A second task counts how often
     * it gets to run.
     *
     * <p>Tokio counts 16 for 1,024 datagrams: 15 yields the budget forces (before the 129th,
     * 257th, ..., 1,921st operation; the 2,048th and last spends the last unit of a budget) and
     * one wait of its first receive, made before Tokio's I/O driver has seen the socket readable.
     * Heddle's receive tries the socket itself first, so that wait does not happen: the forced
     * yields are the same 15, one per 64 datagrams after the first 64.
     */
    // Tokio: coop_budget_udp_send_recv, tokio/tests/coop_budget.rs
    // Real runtime: the test needs the loopback interface to deliver each datagram within its send, so that no
    // receive ever waits; the simulated network delivers after a latency, and a receive there waits for it.
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void coopBudgetUdpSendRecv() {
        final int iterations = 1024;
        byte[] packet = "Hello, world".getBytes(StandardCharsets.UTF_8);
        assertEquals(12, packet.length, "Defect in test, programmer can't do math");
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            int yields = rt.blockOn(() -> {
                try (UdpSocket tx = UdpSocket.bind("127.0.0.1:0"); UdpSocket rx = UdpSocket.bind("127.0.0.1:0")) {
                    AtomicInteger tracker = new AtomicInteger();
                    Heddle.yieldNow();
                    Heddle.spawn(() -> {
                        while (true) {
                            tracker.incrementAndGet();
                            Heddle.yieldNow();
                        }
                    });
                    for (int i = 0; i < iterations; i++) {
                        tx.send(packet, rx.localAddress());
                        Datagram got = rx.receive();
                        assertEquals(tx.localAddress(), got.sender(),
                                "Defect in test case, received unexpected result from socket");
                        assertArrayEquals(packet, got.payload(),
                                "Defect in test case, received unexpected result from socket");
                    }
                    return tracker.get();
                }
            });
            assertEquals(iterations / (BUDGET / 2) - 1, yields);
        }
    }

    // Tokio: test_has_budget_remaining, tokio/tests/coop_budget.rs
    @CurrentThreadTest
    void testHasBudgetRemaining() {
        assertTrue(Heddle.hasBudgetRemaining(), "at the beginning, budget should be available");
        for (int i = 0; i < BUDGET; i++) {
            Heddle.consumeBudget();
        }
        assertFalse(Heddle.hasBudgetRemaining());
    }
}
