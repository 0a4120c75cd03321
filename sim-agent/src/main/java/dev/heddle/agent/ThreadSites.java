package dev.heddle.agent;

import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;

/**
 * The JDK calls that start or ask platform threads, make thread pools or run work on the common
 * pool, which instrumented classes call stand-ins in {@code dev.heddle.sim.instrument} for
 * instead: {@code ThreadCalls} for the {@code Thread} API (on a {@code Thread} or a subclass,
 * and on a {@code Thread.Builder}) and {@code LockSupport.unpark}, {@code ExecutorCalls} for
 * the {@code Executors} factories of pools, {@code CompletableFutureCalls} for the async methods
 * without an executor, {@code CommonPoolCalls} for {@code ForkJoinPool.commonPool()}. In a
 * simulation a platform thread's work runs as a task of the run; elsewhere each stand-in is the
 * JDK's call. An instance method's stand-in takes the receiver first; where it is declared on a
 * supertype ({@code CompletionStage} for {@code CompletableFuture}), what it returns is cast back.
 */
final class ThreadSites {
    private static final String THREAD_CALLS = "dev/heddle/sim/instrument/ThreadCalls";
    private static final String EXECUTOR_CALLS = "dev/heddle/sim/instrument/ExecutorCalls";
    private static final String FUTURE_CALLS = "dev/heddle/sim/instrument/CompletableFutureCalls";
    private static final String FUTURE = "java/util/concurrent/CompletableFuture";
    private static final String STAGE = "java/util/concurrent/CompletionStage";
    /** The calls on a {@code Thread} that its runner answers in a simulation, by name and descriptor. */
    private static final Set<String> ON_THREAD = Set.of("start()V", "join()V", "join(J)V", "join(JI)V",
            "join(Ljava/time/Duration;)Z", "isAlive()Z", "getState()Ljava/lang/Thread$State;", "interrupt()V",
            "isInterrupted()Z");
    private static final Set<String> POOLS = Set.of("newFixedThreadPool", "newCachedThreadPool",
            "newSingleThreadExecutor", "newScheduledThreadPool", "newSingleThreadScheduledExecutor");
    /** {@code CompletionStage}'s async methods, each also with an {@code Executor} last, which the stand-ins call. */
    private static final Set<String> STAGE_ASYNC = Set.of("thenApplyAsync", "thenAcceptAsync", "thenRunAsync",
            "thenCombineAsync", "thenAcceptBothAsync", "runAfterBothAsync", "applyToEitherAsync",
            "acceptEitherAsync", "runAfterEitherAsync", "thenComposeAsync", "handleAsync", "whenCompleteAsync",
            "exceptionallyAsync", "exceptionallyComposeAsync");

    private ThreadSites() {}

    /**
     * The replacement of the call {@code opcode owner.name descriptor}, or null when it is none of
     * these; {@code isThread} tells whether a class is {@code Thread} or a subclass.
     */
    static JdkCallSites.Replacement replacement(int opcode, String owner, String name, String descriptor,
                                                Predicate<String> isThread) {
        boolean withExecutor = descriptor.contains("Ljava/util/concurrent/Executor;");
        return switch (opcode) {
            case Opcodes.INVOKEVIRTUAL -> {
                if (owner.equals(FUTURE) && !withExecutor && name.equals("completeAsync")) {
                    yield new JdkCallSites.Replacement(FUTURE_CALLS, name, withReceiver(FUTURE, descriptor));
                }
                if (owner.equals(FUTURE) && !withExecutor && STAGE_ASYNC.contains(name)) {
                    yield onStage(name, descriptor, FUTURE);
                }
                yield ON_THREAD.contains(name + descriptor) && isThread.test(owner)
                        ? new JdkCallSites.Replacement(THREAD_CALLS, name, withReceiver("java/lang/Thread", descriptor))
                        : null;
            }
            case Opcodes.INVOKEINTERFACE -> {
                if (owner.equals(STAGE) && !withExecutor && STAGE_ASYNC.contains(name)) {
                    yield onStage(name, descriptor, null);
                }
                boolean builder = owner.startsWith("java/lang/Thread$Builder");
                if (builder && name.equals("start") && descriptor.equals("(Ljava/lang/Runnable;)Ljava/lang/Thread;")
                        || builder && name.equals("factory") && descriptor.startsWith("()")) {
                    yield new JdkCallSites.Replacement(THREAD_CALLS, name,
                            withReceiver("java/lang/Thread$Builder", descriptor));
                }
                yield null;
            }
            case Opcodes.INVOKESTATIC -> {
                if (name.equals("currentThread") && descriptor.equals("()Ljava/lang/Thread;") && isThread.test(owner)) {
                    yield new JdkCallSites.Replacement(THREAD_CALLS, name, descriptor);
                }
                if (owner.equals("java/util/concurrent/locks/LockSupport") && name.equals("unpark")) {
                    yield new JdkCallSites.Replacement(THREAD_CALLS, name, descriptor);
                }
                if (owner.equals("java/util/concurrent/ForkJoinPool") && name.equals("commonPool")) {
                    yield new JdkCallSites.Replacement("dev/heddle/sim/instrument/CommonPoolCalls", name, descriptor);
                }
                if (owner.equals("java/util/concurrent/Executors") && POOLS.contains(name)) {
                    yield new JdkCallSites.Replacement(EXECUTOR_CALLS, name, descriptor);
                }
                yield owner.equals(FUTURE) && !withExecutor && (name.equals("supplyAsync") || name.equals("runAsync"))
                        ? new JdkCallSites.Replacement(FUTURE_CALLS, name, descriptor) : null;
            }
            default -> null;
        };
    }

    /** The stand-in of a {@code CompletionStage} async method, its result cast back to {@code castTo} when not null. */
    private static JdkCallSites.Replacement onStage(String name, String descriptor, String castTo) {
        String parameters = descriptor.substring(1, descriptor.indexOf(')'));
        return new JdkCallSites.Replacement(FUTURE_CALLS, name, "(L" + STAGE + ";" + parameters + ")L" + STAGE + ";",
                castTo);
    }

    private static String withReceiver(String receiver, String descriptor) {
        return "(L" + receiver + ";" + descriptor.substring(1);
    }
}
