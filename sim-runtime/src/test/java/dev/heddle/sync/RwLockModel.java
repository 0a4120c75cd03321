package dev.heddle.sync;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import java.util.HashSet;
import java.util.Set;

/**
 * A readers-writer lock, starting free: the sequential model of {@link RwLock}. {@code read}
 * and {@code write} output true when the client got the lock, false when a try found it held
 * (legal for a read only while a writer holds it, for a write while anyone does);
 * {@code releaseRead} and {@code releaseWrite} are done by the client holding it. The checkers
 * module has a mutual-exclusion {@code LockModel} but none with shared holders.
 */
final class RwLockModel implements Model<RwLockModel.Holders> {

    /** Who holds the lock: one writer, or a set of readers, or nobody. Immutable. */
    record Holders(int writer, Set<Integer> readers) {
        static final int NONE = -1;

        boolean isFree() {
            return writer == NONE && readers.isEmpty();
        }
    }

    @Override
    public String name() {
        return "rwlock";
    }

    @Override
    public Holders initial() {
        return new Holders(Holders.NONE, Set.of());
    }

    @Override
    public Holders step(Holders h, Operation op) {
        boolean refused = op.status() == Status.OK && Boolean.FALSE.equals(op.output());
        int client = op.client();
        return switch (op.f()) {
            case "read" -> {
                if (refused) {
                    yield h.writer() != Holders.NONE ? h : null;
                }
                if (h.writer() != Holders.NONE || h.readers().contains(client)) {
                    yield null;
                }
                Set<Integer> more = new HashSet<>(h.readers());
                more.add(client);
                yield new Holders(Holders.NONE, Set.copyOf(more));
            }
            case "write" -> {
                if (refused) {
                    yield h.isFree() ? null : h;
                }
                yield h.isFree() ? new Holders(client, Set.of()) : null;
            }
            case "releaseRead" -> {
                if (!h.readers().contains(client)) {
                    yield null;
                }
                Set<Integer> fewer = new HashSet<>(h.readers());
                fewer.remove(client);
                yield new Holders(Holders.NONE, Set.copyOf(fewer));
            }
            case "releaseWrite" -> h.writer() == client ? initial() : null;
            default -> throw new IllegalArgumentException("the rwlock model knows read, write, releaseRead and"
                    + " releaseWrite, not " + op.f() + " in " + op);
        };
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.status() == Status.OK && Boolean.FALSE.equals(op.output());
    }

    @Override
    public String describeState(Holders h) {
        return h.writer() != Holders.NONE ? "written by client " + h.writer()
                : h.readers().isEmpty() ? "free" : "read by clients " + h.readers();
    }
}
