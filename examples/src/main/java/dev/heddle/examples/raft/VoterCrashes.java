package dev.heddle.examples.raft;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimContext;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.List;

/**
 * A targeted nemesis: crashes a node just after it granted a vote, and restarts it a moment
 * later, while the election it voted in may still be going on. A crash at a random time seldom
 * lands there, and that is where a node must remember its vote (FoundationDB's simulation kills
 * processes at such chosen moments too). Its fault kind, {@value #KIND}, is configured and counted;
 * in swarm mode the seed decides whether it is on and how often a vote is followed by a crash.
 *
 * <p>The node's own task reports the vote ({@link #voted}); the crash and the restart are done by
 * {@link #run} on a task outside every host, which a crash cannot stop.
 */
final class VoterCrashes {
    /** The fault kind, as the run's fault counts name it. */
    static final String KIND = "host.crash.after-vote";
    /** The longest a crashed voter stays down. */
    private static final Duration MAX_DOWN = Duration.ofMillis(100);

    private final Channel<String> voters = Mpsc.unbounded();
    private final double probability;

    /** Crashes after a vote with up to {@code maxProbability} (in swarm mode, the seed's draw below it). */
    VoterCrashes(double maxProbability) {
        SimContext context = SimContext.current().orElseThrow(() -> new IllegalStateException(
                "crashes after votes are simulated faults: make them inside a simulation"));
        this.probability = context.swarm().map(p -> p.rate(KIND, maxProbability)).orElse(maxProbability);
        if (probability > 0) {
            context.faultConfigured(KIND);
        }
    }

    /** The node {@code name} granted a vote: maybe crash it. Called on the node's task; does not wait. */
    void voted(String name) {
        if (probability > 0 && Heddle.random().nextDouble() < probability) {
            voters.sender().trySend(name);
        }
    }

    /** Crashes and restarts the voters reported, among {@code nodes}, for {@code duration}. */
    void run(List<Host> nodes, Duration duration) {
        SimContext context = SimContext.current().orElseThrow();
        long end = Heddle.now() + duration.toNanos();
        while (Heddle.now() < end) {
            String name;
            try {
                name = Heddle.clock().timeout(Duration.ofNanos(end - Heddle.now()), () -> voters.receiver().recv());
            } catch (Elapsed e) {
                return;
            }
            Host host = nodes.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
            if (host.state() == Host.State.CRASHED) {
                continue;
            }
            host.crash();
            context.faultFired(KIND);
            Heddle.sleep(Duration.ofNanos(1 + Heddle.random().nextLong(MAX_DOWN.toNanos())));
            if (host.state() == Host.State.CRASHED) {
                host.restart();
            }
        }
    }
}
