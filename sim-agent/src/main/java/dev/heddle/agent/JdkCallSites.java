package dev.heddle.agent;

import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;

/**
 * The JDK call sites that instrumented classes call {@code dev.heddle.sim.instrument.JdkCalls}
 * for instead: the waits a simulation may wake spuriously, parks and yields. Each replacement is
 * static and takes the original receiver first; outside a simulation it does what the original
 * call does. The reads of time and randomness are {@link TimeAndRandomSites}'; threads, pools and
 * async work, {@link ThreadSites}'.
 */
final class JdkCallSites {
    static final String JDK_CALLS = "dev/heddle/sim/instrument/JdkCalls";
    private static final String CONDITION = "java/util/concurrent/locks/Condition";

    private JdkCallSites() {}

    /**
     * The static method of {@code owner} (a class of {@code dev.heddle.sim.instrument}) that
     * replaces a call, and the type its result is cast to, when it returns a supertype of the
     * call's (or null).
     */
    record Replacement(String owner, String name, String descriptor, String castTo) {
        Replacement(String owner, String name, String descriptor) {
            this(owner, name, descriptor, null);
        }

        Replacement(String name, String descriptor) {
            this(JDK_CALLS, name, descriptor);
        }
    }

    /**
     * The replacement of the call {@code opcode owner.name descriptor}, or null to keep it;
     * {@code isThread} tells whether a class is {@code Thread} or a subclass.
     */
    static Replacement replacement(int opcode, String owner, String name, String descriptor,
                                   Predicate<String> isThread) {
        Replacement timeOrRandom = TimeAndRandomSites.replacement(opcode, owner, name, descriptor);
        if (timeOrRandom != null) {
            return timeOrRandom;
        }
        Replacement thread = ThreadSites.replacement(opcode, owner, name, descriptor, isThread);
        if (thread != null) {
            return thread;
        }
        boolean noArguments = descriptor.equals("()V");
        return switch (opcode) {
            case Opcodes.INVOKEINTERFACE -> owner.equals(CONDITION) && noArguments
                    && (name.equals("await") || name.equals("awaitUninterruptibly"))
                    ? new Replacement(name, "(L" + CONDITION + ";)V") : null;
            case Opcodes.INVOKEVIRTUAL -> name.equals("wait") && noArguments
                    ? new Replacement("waitOn", "(Ljava/lang/Object;)V") : null;
            case Opcodes.INVOKESTATIC -> {
                if (owner.equals("java/util/concurrent/locks/LockSupport") && name.equals("park")
                        && (noArguments || descriptor.equals("(Ljava/lang/Object;)V"))) {
                    yield new Replacement("park", descriptor);
                }
                yield owner.equals("java/lang/Thread") && name.equals("yield") && noArguments
                        ? new Replacement("yield", "()V") : null;
            }
            default -> null;
        };
    }
}
