package dev.heddle.net.internal.sim;

import dev.heddle.net.InFlight;
import dev.heddle.time.Timer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One message on the simulated network, from its send until it is delivered or lost: what it
 * is, where it goes, what delivering it does and what losing it does. Its fate is decided by
 * {@link MessagePath}; its fields change only under the network's lock.
 */
final class Message implements InFlight {

    /** Where a message is on its way. */
    enum State {
        /** On its way, its arrival timer set. */
        TRAVELLING,
        /** Its time came while a clog or hold blocked its link: it waits for the unclog or release. */
        BLOCKED,
        /** Its time came while a partition cut its link: a connection's message waits for the repair. */
        STALLED,
        /** Arrived, waiting for earlier messages of its flow. */
        QUEUED,
        /** Delivered or lost. */
        GONE
    }

    final long id;
    final DirectedLink link;
    final String kind;
    final int bytes;
    /** A connection's message: retransmitted rather than lost, stalled rather than lost at a cut. */
    final boolean reliable;
    /** The flow it keeps order in, or null (datagrams, connection requests). */
    final Flow flow;
    /** Delivers it, under the lock. */
    final Runnable delivery;
    /** What losing it does, told why, under the lock. */
    final Consumer<String> loss;
    private final MessagePath path;
    State state = State.TRAVELLING;
    long arrivesAt;
    Timer timer;
    /** Why it will be lost on arrival (its retransmissions all fail), or null. */
    String doom;

    Message(MessagePath path, long id, DirectedLink link, String kind, int bytes, boolean reliable, Flow flow,
            Runnable delivery, Consumer<String> loss) {
        this.path = path;
        this.id = id;
        this.link = link;
        this.kind = kind;
        this.bytes = bytes;
        this.reliable = reliable;
        this.flow = flow;
        this.delivery = delivery;
        this.loss = loss;
    }

    @Override
    public String from() {
        return link.from();
    }

    @Override
    public String to() {
        return link.to();
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int bytes() {
        return bytes;
    }

    @Override
    public Duration arrivesIn() {
        return path.arrivesIn(this);
    }

    @Override
    public boolean held() {
        return path.isHeld(this);
    }

    @Override
    public void drop() {
        path.dropByTest(this);
    }

    @Override
    public void deliver() {
        path.deliverByTest(this);
    }

    @Override
    public String toString() {
        return kind + " #" + id + " " + link + " (" + bytes + " bytes, " + state.name().toLowerCase() + ")";
    }
}
