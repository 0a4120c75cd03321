package dev.heddle.sim;

import dev.heddle.runtime.internal.VirtualThreads;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The frames of a suspended task's virtual thread with their local variables and the monitors
 * each holds, read from outside the thread: what a deadlock report needs to tell which task
 * holds which lock, when every task involved is parked. The same for the calling thread's own
 * frames, where {@link HeldLocks} looks for locks held across a suspension point.
 *
 * <p>The JDK has no public way to read another thread's locals or monitors, and ThreadMXBean
 * covers platform threads only. The stack walker behind {@code java.lang.LiveStackFrame} reads
 * them, and walks an unmounted virtual thread's continuation when given it (the
 * {@code VirtualThread.cont} field): both in {@code java.lang}, reachable with the
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} Heddle's runtime needs anyway. Measured on
 * JDK 25.0.3: about 0.2 ms a task, after a first walk of a few milliseconds; only failure reports
 * pay it. Without that access, or for a thread that is not a parked virtual thread, there are no
 * frames, and reports say that they could not find the owners.
 *
 * <p>JDK 25's JSON thread dump ({@code HotSpotDiagnosticMXBean.dumpThreads}) was measured as the
 * other way in: it names the monitors a virtual thread owns and the one it is blocked on, but
 * for a task parked on a {@code ReentrantLock} only the lock's synchronizer, not its owner.
 */
final class LiveFrames {
    private static final Method WALKER;
    /** The walker of the calling thread's own live frames; null when the JDK's internals are closed. */
    private static final StackWalker CURRENT;
    private static final Method LOCALS;
    private static final Method MONITORS;
    private static final Field CONTINUATION;
    /** The continuation scope of every virtual thread ({@code VirtualThread.VTHREAD_SCOPE}). */
    private static final Object SCOPE;
    private static final Set<StackWalker.Option> CLASSES = EnumSet.of(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /**
     * The JDK's walker of a continuation's frames without their locals ({@code StackWalker.newInstance}
     * with no extended option): a tenth of the cost, for a trace file that walks every step.
     */
    private static final Method PLAIN_WALKER = plainWalker();
    private static final Object[] NONE = new Object[0];

    static {
        Method walker = null;
        Method locals = null;
        Method monitors = null;
        Field continuation = null;
        Object scope = null;
        try {
            Class<?> live = Class.forName("java.lang.LiveStackFrame");
            locals = live.getDeclaredMethod("getLocals");
            locals.setAccessible(true);
            monitors = live.getDeclaredMethod("getMonitors");
            monitors.setAccessible(true);
            Class<?> continuationClass = Class.forName("jdk.internal.vm.Continuation");
            walker = live.getDeclaredMethod("getStackWalker", Set.class,
                    Class.forName("jdk.internal.vm.ContinuationScope"), continuationClass);
            walker.setAccessible(true);
            continuation = Class.forName("java.lang.VirtualThread").getDeclaredField("cont");
            continuation.setAccessible(true);
            Field scopeField = Class.forName("java.lang.VirtualThread").getDeclaredField("VTHREAD_SCOPE");
            scopeField.setAccessible(true);
            scope = scopeField.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            walker = null;
        }
        WALKER = walker;
        StackWalker current = null;
        try {
            Method ofCurrentThread = Class.forName("java.lang.LiveStackFrame").getDeclaredMethod("getStackWalker",
                    Set.class);
            ofCurrentThread.setAccessible(true);
            current = locals == null || monitors == null ? null : (StackWalker) ofCurrentThread.invoke(null, CLASSES);
        } catch (ReflectiveOperationException | RuntimeException e) {
            current = null;
        }
        CURRENT = current;
        LOCALS = locals;
        MONITORS = monitors;
        CONTINUATION = continuation;
        SCOPE = scope;
    }

    /**
     * One frame: its place in the code, its locals ({@code this} first in an instance method;
     * primitive slots as the JDK's opaque objects) and the monitors it entered (for a thread
     * blocked entering one, that one too, last).
     */
    record Frame(Class<?> declaringClass, StackTraceElement element, Object[] locals, Object[] monitors) {
        String className() {
            return element.getClassName();
        }

        String methodName() {
            return element.getMethodName();
        }

        /** The frame's {@code this}, or null in a static method or a frame without locals. */
        Object receiver() {
            return locals.length == 0 ? null : locals[0];
        }
    }

    private LiveFrames() {}

    private static Method plainWalker() {
        try {
            Method m = StackWalker.class.getDeclaredMethod("newInstance", Set.class,
                    Class.forName("java.lang.StackWalker$ExtendedOption"),
                    Class.forName("jdk.internal.vm.ContinuationScope"), Class.forName("jdk.internal.vm.Continuation"));
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The first {@code limit} frames of {@code thread} as {@link #of} finds them, innermost
     * first, but without locals and monitors (both empty), which makes the walk far cheaper.
     */
    static List<Frame> withoutLocals(Thread thread, int limit) {
        if (PLAIN_WALKER == null || WALKER == null || thread == null || !thread.isVirtual()
                || thread.getState() == Thread.State.TERMINATED || VirtualThreads.isMounted(thread)) {
            return List.of();
        }
        try {
            Object continuation = CONTINUATION.get(thread);
            StackWalker walker = (StackWalker) PLAIN_WALKER.invoke(null, CLASSES, null, SCOPE, continuation);
            return walker.walk(frames -> frames.limit(limit)
                    .map(f -> new Frame(f.getDeclaringClass(), f.toStackTraceElement(), NONE, NONE)).toList());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        }
    }

    /** Whether the JDK's internals let frames be read at all. */
    static boolean available() {
        return WALKER != null;
    }

    /**
     * The frames of {@code thread}, innermost first, when it is a virtual thread that is not
     * mounted (it waits, or is ready); empty when it is mounted, has ended, is a platform thread,
     * or the JDK's internals are closed to Heddle.
     */
    static List<Frame> of(Thread thread) {
        if (WALKER == null || thread == null || !thread.isVirtual() || thread.getState() == Thread.State.TERMINATED
                || VirtualThreads.isMounted(thread)) {
            return List.of();
        }
        try {
            Object continuation = CONTINUATION.get(thread);
            StackWalker walker = (StackWalker) WALKER.invoke(null, CLASSES, SCOPE, continuation);
            List<Frame> frames = new ArrayList<>();
            walker.forEach(f -> frames.add(frame(f)));
            return frames;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The calling thread's own frames, innermost first (from its caller's), down to but not
     * including the first frame of class {@code stopAt}; empty when the JDK's internals are
     * closed to Heddle.
     */
    static List<Frame> ofCurrentThread(String stopAt) {
        if (CURRENT == null) {
            return List.of();
        }
        return CURRENT.walk(s -> s.dropWhile(f -> f.getDeclaringClass() == LiveFrames.class)
                .takeWhile(f -> !f.getClassName().equals(stopAt))
                .map(LiveFrames::frame)
                .toList());
    }

    private static Frame frame(StackWalker.StackFrame f) {
        return new Frame(f.getDeclaringClass(), f.toStackTraceElement(), invoke(LOCALS, f), invoke(MONITORS, f));
    }

    private static Object[] invoke(Method accessor, StackWalker.StackFrame frame) {
        try {
            return (Object[]) accessor.invoke(frame);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the live stack frame " + frame, e);
        }
    }
}
