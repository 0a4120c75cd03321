package dev.heddle.sim;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Finds the locks the calling thread holds, from its own stack: the monitors each frame
 * entered ({@code synchronized}), and the {@link ReentrantLock}s and
 * {@link ReentrantReadWriteLock}s it holds that a frame can reach, in a local variable or in a
 * field of an object in a local variable (such as {@code this}).
 *
 * <p>The JDK has no public way to list a virtual thread's monitors (ThreadMXBean covers
 * platform threads only); {@link LiveFrames} reads them, with {@code --add-opens
 * java.base/java.lang=ALL-UNNAMED}, which Heddle's runtime needs anyway. Without that access
 * the search finds nothing and the simulator still reports the consequence (a task blocked on
 * a monitor held by a suspended task).
 */
final class HeldLocks {
    /** Frames below a task's body (the runtime and the JDK's thread machinery) are not searched. */
    private static final String TASK = "dev.heddle.runtime.internal.Task";
    /** Where every Heddle wait parks. */
    private static final String SUSPENSION = "dev.heddle.runtime.internal.Suspension";
    /**
     * Heddle's public classes that wait on a caller's behalf, besides its {@code internal}
     * packages: a JDK wrapper's monitor ({@code BufferedReader}'s decoder) held around them is the
     * JDK's, as around the JDK's own socket streams. Named one by one, since Heddle's own tests
     * share its package names.
     */
    private static final List<String> WAITING_CLASSES = List.of("dev.heddle.runtime.SelectableOp",
            "dev.heddle.select.Select", "dev.heddle.net.TcpInputStream", "dev.heddle.net.TcpOutputStream",
            "dev.heddle.net.TcpByteChannel", "dev.heddle.net.TcpStream", "dev.heddle.net.IoWait");

    /**
     * Fields of a class (and its superclasses) that hold a reentrant lock, made readable; none
     * for the JDK's classes. The wait-for graph reads them too, to find who holds a lock.
     */
    static final ClassValue<Field[]> LOCK_FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> found = new ArrayList<>();
            if (!isPlatformClass(type.getName())) {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        boolean lockType = ReentrantLock.class.isAssignableFrom(f.getType())
                                || ReentrantReadWriteLock.class.isAssignableFrom(f.getType());
                        if (lockType && !Modifier.isStatic(f.getModifiers()) && f.trySetAccessible()) {
                            found.add(f);
                        }
                    }
                }
            }
            return found.toArray(new Field[0]);
        }
    };

    private HeldLocks() {}

    /**
     * The locks the calling thread holds, each described with the frame that holds or reaches
     * it, and the calling thread's stack; empty when it holds none.
     */
    static Found ofCurrentThread() {
        Map<Object, LiveFrames.Frame> held = new IdentityHashMap<>();
        List<LiveFrames.Frame> frames = LiveFrames.ofCurrentThread(TASK);
        int caller = callerOfSuspendedCall(frames);
        for (int i = 0; i < frames.size(); i++) {
            LiveFrames.Frame frame = frames.get(i);
            if (i < caller && isPlatformClass(frame.className())) {
                continue;
            }
            for (Object monitor : frame.monitors()) {
                if (monitor != null) {
                    held.putIfAbsent(monitor, frame);
                }
            }
            for (Object local : frame.locals()) {
                addIfHeld(held, local, frame);
                if (local != null) {
                    for (Field f : LOCK_FIELDS.get(local.getClass())) {
                        try {
                            addIfHeld(held, f.get(local), frame);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException("field " + f + " was made accessible but cannot be read", e);
                        }
                    }
                }
            }
        }
        if (held.isEmpty()) {
            return Found.NONE;
        }
        List<String> locks = new ArrayList<>();
        held.forEach((lock, frame) -> locks.add(describe(lock, frame.element())));
        return new Found(locks, frames.stream().map(LiveFrames.Frame::element).toList());
    }

    /**
     * The index of the frame that made the call the thread suspends in: the first frame, going
     * out from Heddle's park, that is neither the JDK's nor Heddle's machinery (its
     * {@code internal} packages and the {@link #WAITING_CLASSES}); 0 when the thread
     * is not in Heddle's park. The locks of the JDK's frames inside that call are the JDK's own,
     * held for the call as the JDK holds them around any blocking I/O (a {@code BufferedReader}
     * over a simulated socket holds its stream decoder's monitor while the read waits), which no
     * user code can release and which no user code runs under; a task that contends one is still
     * seen, blocked on the monitor. A lock taken by user code, or by the JDK around user code (a
     * callback), is at or beyond the caller, and reported.
     */
    private static int callerOfSuspendedCall(List<LiveFrames.Frame> frames) {
        int i = 0;
        while (i < frames.size() && !frames.get(i).className().equals(SUSPENSION)) {
            i++;
        }
        if (i == frames.size()) {
            return 0;
        }
        while (i < frames.size() && (isPlatformClass(frames.get(i).className())
                || isHeddleMachinery(frames.get(i).className()))) {
            i++;
        }
        return i;
    }

    private static boolean isHeddleMachinery(String name) {
        return name.startsWith("dev.heddle.") && (name.contains(".internal.")
                || WAITING_CLASSES.stream().anyMatch(c -> name.equals(c) || name.startsWith(c + "$")));
    }

    private static void addIfHeld(Map<Object, LiveFrames.Frame> held, Object candidate, LiveFrames.Frame frame) {
        if (candidate instanceof ReentrantLock lock && lock.isHeldByCurrentThread()) {
            held.putIfAbsent(lock, frame);
        } else if (candidate instanceof ReentrantReadWriteLock lock
                && (lock.isWriteLockedByCurrentThread() || lock.getReadHoldCount() > 0)) {
            held.putIfAbsent(lock, frame);
        }
    }

    private static String describe(Object lock, StackTraceElement where) {
        if (lock instanceof ReentrantLock) {
            return "a ReentrantLock reached from " + where;
        }
        if (lock instanceof ReentrantReadWriteLock) {
            return "a ReentrantReadWriteLock reached from " + where;
        }
        return "the monitor of a " + lock.getClass().getName() + " (synchronized) entered at " + where;
    }

    /** True for the JDK's own classes, by package name. */
    static boolean isPlatformClass(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.");
    }

    /** The locks found, described, and the stack they were found on (innermost frame first). */
    record Found(List<String> locks, List<StackTraceElement> stack) {
        static final Found NONE = new Found(List.of(), List.of());

        boolean isEmpty() {
            return locks.isEmpty();
        }
    }
}
