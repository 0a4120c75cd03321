package dev.heddle.check.model;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;

/**
 * A mutual-exclusion lock, starting free: {@code acquire} (output {@code true} or {@code null}
 * when the client got the lock; {@code false} when a try-lock found it held) and {@code release}
 * (by the client holding it). The state is the holder's client id, or -1 when free.
 */
public final class LockModel implements Model<Integer> {
    private static final Integer FREE = -1;

    @Override
    public String name() {
        return "lock";
    }

    @Override
    public Integer initial() {
        return FREE;
    }

    @Override
    public Operation prepare(Operation op) {
        if (!op.f().equals("acquire") && !op.f().equals("release")) {
            throw RegisterModel.unknownOperation(name(), op, "acquire, release");
        }
        return op.status() == Status.FAILED ? null : op;
    }

    @Override
    public Integer step(Integer holder, Operation op) {
        boolean free = holder.equals(FREE);
        return switch (op.f()) {
            case "acquire" -> {
                if (Boolean.FALSE.equals(op.output()) && op.status() == Status.OK) {
                    yield free ? null : holder;
                }
                yield free ? op.client() : null;
            }
            case "release" -> holder == op.client() ? FREE : null;
            default -> throw RegisterModel.unknownOperation(name(), op, "acquire, release");
        };
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("acquire") && op.status() == Status.OK && Boolean.FALSE.equals(op.output());
    }

    @Override
    public String describeState(Integer holder) {
        return holder.equals(FREE) ? "free" : "held by client " + holder;
    }
}
