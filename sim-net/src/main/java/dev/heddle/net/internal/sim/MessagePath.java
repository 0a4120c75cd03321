package dev.heddle.net.internal.sim;

import dev.heddle.net.Latency;
import dev.heddle.sim.NetworkEvent;
import dev.heddle.sim.SimContext;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The one way every message crosses the simulated network, where the links' settings and the
 * faults decide its fate. On send: a datagram across a cut, or lost to the link's loss, is gone;
 * a connection's message that the loss hits is retransmitted instead, later by a timeout of
 * 200 ms doubling (up to 120 s) per loss, and when 15 retransmissions are lost too its
 * connection is reset, once they have all timed out. Then it waits its turn on the wire
 * (bandwidth) and takes the link's latency; a datagram may also be held back past later ones
 * (reorder) or sent twice (duplicate). On
 * arrival: across a cut a datagram is lost and a connection's message stalls until the repair
 * (then retransmitted, one latency later); on a clogged or held link it waits for the unclog or
 * release, then is delivered at once; a connection's message is delivered only after every
 * earlier one of its {@link Flow}. Every draw comes from the run's network stream. All under
 * the network's lock.
 */
final class MessagePath {
    static final long FIRST_RETRANSMISSION_TIMEOUT = Duration.ofMillis(200).toNanos();
    static final long MAX_RETRANSMISSION_TIMEOUT = Duration.ofSeconds(120).toNanos();
    /** Linux's tcp_retries2: a connection is reset after this many lost retransmissions of one message. */
    static final int MAX_RETRANSMISSIONS = 15;

    final LinkTable links = new LinkTable();
    final Partitions partitions = new Partitions();
    final Clogs clogs = new Clogs();
    private final Wires wires = new Wires();
    private final InFlightRegistry registry = new InFlightRegistry();
    private final SimNetwork network;
    private final SimContext context;
    private long messages;

    MessagePath(SimNetwork network, SimContext context) {
        this.network = network;
        this.context = context;
    }

    /**
     * Sends a message of {@code kind} on {@code link}: {@code delivery} runs when it arrives,
     * {@code loss} (told why) if it is lost; both under the lock. A {@code reliable} one is a
     * connection's, kept in order within {@code flow} when there is one.
     */
    void sendLocked(DirectedLink link, String kind, int bytes, boolean reliable, Flow flow, Runnable delivery,
            Consumer<String> loss) {
        Message message = new Message(this, ++messages, link, kind, bytes, reliable, flow, delivery, loss);
        context.messageSent(message.id, link.from(), link.to(), kind, bytes);
        registry.add(message);
        if (flow != null) {
            flow.add(message);
        }
        if (reliable) {
            sendReliableLocked(message);
        } else {
            sendDatagramLocked(message);
        }
    }

    /** A connection's message is never lost on its way, but each loss makes it wait for a retransmission. */
    private void sendReliableLocked(Message message) {
        int losses = lossesLocked(links.loss(message.link), context.networkRandom());
        for (int i = 0; i < Math.min(losses, MAX_RETRANSMISSIONS); i++) {
            context.faultFired("net.retransmit");
        }
        if (losses > MAX_RETRANSMISSIONS) {
            message.doom = "its " + MAX_RETRANSMISSIONS + " retransmissions on " + message.link + " all failed";
        }
        scheduleLocked(message, travelLocked(message) + retransmissionDelay(losses));
    }

    /** A datagram is lost to a cut or to the link's loss; else it may be held back (reorder) and sent twice. */
    private void sendDatagramLocked(Message message) {
        DirectedLink link = message.link;
        RandomGenerator random = context.networkRandom();
        if (partitions.isCut(link)) {
            loseLocked(message, "net.partition.drop", "lost to a partition of " + link);
            return;
        }
        double loss = links.loss(link);
        if (loss > 0 && random.nextDouble() < loss) {
            loseLocked(message, "net.drop", "lost on " + link);
            return;
        }
        long arrival = travelLocked(message);
        double reorder = links.reorder(link);
        if (reorder > 0 && random.nextDouble() < reorder) {
            context.faultFired("net.reorder");
            arrival += latencyLocked(link) + latencyLocked(link);
        }
        scheduleLocked(message, arrival);
        double duplicate = links.duplicate(link);
        if (duplicate > 0 && random.nextDouble() < duplicate) {
            context.faultFired("net.duplicate");
            Message copy = new Message(this, ++messages, link, message.kind, message.bytes, false, null,
                    message.delivery, message.loss);
            context.record(NetworkEvent.DUPLICATE, message.id, copy.id);
            context.messageSent(copy.id, link.from(), link.to(), copy.kind, copy.bytes);
            registry.add(copy);
            scheduleLocked(copy, travelLocked(copy));
        }
    }

    /** When {@code message}, sent now, arrives unless a fault intervenes: after its turn on the wire, a latency. */
    private long travelLocked(Message message) {
        long now = context.time().now();
        return wires.transmit(message.link, now, message.bytes, links.bandwidth(message.link))
                + latencyLocked(message.link);
    }

    /**
     * How many times in a row the link's loss hits a connection's message, each time sent again
     * after the retransmission timeout; {@link #MAX_RETRANSMISSIONS} + 1 when every retransmission
     * is lost too.
     */
    private static int lossesLocked(double lossRate, RandomGenerator random) {
        int losses = 0;
        while (losses <= MAX_RETRANSMISSIONS && lossRate > 0 && random.nextDouble() < lossRate) {
            losses++;
        }
        return losses;
    }

    /** The time {@code losses} lost sends add: a timeout of 200 ms for the first, doubling, at most 120 s. */
    private static long retransmissionDelay(int losses) {
        long delay = 0;
        long timeout = FIRST_RETRANSMISSION_TIMEOUT;
        for (int i = 0; i < losses; i++) {
            delay += timeout;
            timeout = Math.min(2 * timeout, MAX_RETRANSMISSION_TIMEOUT);
        }
        return delay;
    }

    /** One latency of {@code link}, drawn from the network stream. */
    private long latencyLocked(DirectedLink link) {
        Latency latency = links.latency(link);
        long nanos = latency.drawNanos(context.networkRandom());
        if (latency.isTail(nanos)) {
            context.faultFired("net.delay.tail");
        }
        return nanos;
    }

    private void scheduleLocked(Message message, long arrival) {
        message.state = Message.State.TRAVELLING;
        message.arrivesAt = arrival;
        message.timer = context.time().schedule(arrival, () -> due(message));
    }

    /** The message's arrival timer fired. */
    private void due(Message message) {
        network.lock.lock();
        try {
            if (message.state != Message.State.TRAVELLING) {
                return;
            }
            if (message.doom != null) {
                loseLocked(message, "net.drop", message.doom);
            } else {
                arriveLocked(message);
            }
        } finally {
            network.unlock();
        }
    }

    /** {@code message}'s time has come, or what kept it was lifted: it is delivered, lost or kept waiting. */
    private void arriveLocked(Message message) {
        if (partitions.isCut(message.link)) {
            if (message.reliable) {
                message.state = Message.State.STALLED;
            } else {
                loseLocked(message, "net.partition.drop", "lost to a partition of " + message.link);
            }
            return;
        }
        if (clogs.blocks(message.link)) {
            if (message.state != Message.State.BLOCKED) {
                context.record(NetworkEvent.HOLD, message.id, message.bytes);
            }
            message.state = Message.State.BLOCKED;
            return;
        }
        message.state = Message.State.QUEUED;
        if (message.flow == null) {
            deliverLocked(message);
        } else {
            deliverQueuedLocked(message.flow);
        }
    }

    /** Delivers the flow's messages that arrived, from its oldest, up to the first still on its way. */
    private void deliverQueuedLocked(Flow flow) {
        Message head;
        while ((head = flow.head()) != null && head.state == Message.State.QUEUED) {
            deliverLocked(head);
        }
    }

    private void deliverLocked(Message message) {
        context.messageDelivered(message.id);
        goneLocked(message);
        message.delivery.run();
    }

    private void goneLocked(Message message) {
        message.state = Message.State.GONE;
        if (message.timer != null) {
            message.timer.cancel();
        }
        registry.remove(message);
        if (message.flow != null) {
            message.flow.remove(message);
        }
    }

    private void loseLocked(Message message, String fault, String why) {
        context.faultFired(fault);
        context.record(NetworkEvent.DROP, message.id, message.bytes);
        goneLocked(message);
        message.loss.accept(why);
    }

    /**
     * A clog, hold or cut was lifted: messages no longer kept go on, oldest first. A stalled
     * connection's message is retransmitted, arriving one latency from now; a blocked one is
     * delivered now.
     */
    void liftedLocked() {
        for (Message message : registry.all()) {
            if (message.state == Message.State.STALLED && !partitions.isCut(message.link)) {
                context.record(NetworkEvent.RELEASE, message.id, message.bytes);
                scheduleLocked(message, context.time().now() + latencyLocked(message.link));
            } else if (message.state == Message.State.BLOCKED && !clogs.blocks(message.link)) {
                context.record(NetworkEvent.RELEASE, message.id, message.bytes);
                arriveLocked(message);
            }
        }
    }

    /** Takes a gone connection's messages out, both ways, without delivering them. */
    void discardLocked(Flow flow) {
        for (Message message : flow.clear()) {
            message.state = Message.State.GONE;
            if (message.timer != null) {
                message.timer.cancel();
            }
            registry.remove(message);
        }
    }

    List<Message> inFlightLocked() {
        return registry.all();
    }

    Duration arrivesIn(Message message) {
        network.lock.lock();
        try {
            long left = message.state == Message.State.TRAVELLING ? message.arrivesAt - context.time().now() : 0;
            return Duration.ofNanos(Math.max(0, left));
        } finally {
            network.unlock();
        }
    }

    boolean isHeld(Message message) {
        network.lock.lock();
        try {
            return message.state != Message.State.GONE && clogs.blocks(message.link);
        } finally {
            network.unlock();
        }
    }

    /** The test drops {@code message}: lost, as a drop by the network would lose it. */
    void dropByTest(Message message) {
        network.lock.lock();
        try {
            if (message.state != Message.State.GONE) {
                context.faultConfigured("net.drop");
                loseLocked(message, "net.drop", message.kind + " on " + message.link + " dropped by the test");
            }
        } finally {
            network.unlock();
        }
    }

    /** The test delivers {@code message} now, after the earlier messages of its flow. */
    void deliverByTest(Message message) {
        network.lock.lock();
        try {
            if (message.state == Message.State.GONE) {
                return;
            }
            context.record(NetworkEvent.RELEASE, message.id, message.bytes);
            if (message.flow == null) {
                deliverLocked(message);
                return;
            }
            Message head;
            do {
                head = message.flow.head();
                deliverLocked(head);
            } while (head != message);
        } finally {
            network.unlock();
        }
    }
}
