package dev.heddle.sim;

import dev.heddle.runtime.internal.SpawnSite;
import dev.heddle.runtime.internal.Task;
import dev.heddle.runtime.internal.TaskDumper;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.RwLock;
import dev.heddle.sync.Semaphore;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Builds a stuck run's {@link WaitForGraph} from the tasks' own frames ({@link LiveFrames}): what
 * each waits for is the lock of the call it is parked in ({@code Mutex.lock},
 * {@code Semaphore.acquire}, {@code RwLock.read}/{@code write}, {@code ReentrantLock.lock},
 * the read and write locks of a {@code ReentrantReadWriteLock}; see {@link #awaitedBy}), the
 * monitor it is blocked entering, or the task it joins; who holds it is read where the lock
 * keeps it:
 * <ul>
 *   <li>Heddle's {@code Mutex}, {@code RwLock} and {@code Semaphore}: the tasks with an open guard
 *       or permit of it in a local variable (a guard kept elsewhere, in a field, is not seen);
 *   <li>{@code ReentrantLock} and a {@code ReentrantReadWriteLock}'s write lock: the owner their
 *       {@code toString()} names ({@code [Locked by thread NAME]}); the simulator names each task's
 *       thread after the task. The JDK names no reader of a read lock;
 *   <li>{@code synchronized}: the tasks whose frames hold the monitor.
 * </ul>
 * Nothing here runs on a simulation's path but its failure reports.
 */
final class WaitForGraphBuilder {
    /**
     * Guard and permit classes of {@code dev.heddle.sync}: the field naming what they hold, and
     * the one saying they no longer do.
     */
    private static final Map<String, String[]> GUARDS = Map.of(
            "dev.heddle.sync.MutexGuard", new String[] {"mutex", "closed"},
            "dev.heddle.sync.MappedMutexGuard", new String[] {"mutex", "closed"},
            "dev.heddle.sync.RwLockReadGuard", new String[] {"permit", "closed"},
            "dev.heddle.sync.RwLockWriteGuard", new String[] {"permit", "closed"},
            "dev.heddle.sync.RwLockMappedWriteGuard", new String[] {"permit", "closed"},
            "dev.heddle.sync.SemaphorePermit", new String[] {"semaphore", "released"});

    /** Fields of a user's class whose type is a guard or permit, made readable; none for the JDK's classes. */
    private static final ClassValue<Field[]> GUARD_FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> found = new ArrayList<>();
            if (!HeldLocks.isPlatformClass(type.getName())) {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (GUARDS.containsKey(f.getType().getName()) && !Modifier.isStatic(f.getModifiers())
                                && f.trySetAccessible()) {
                            found.add(f);
                        }
                    }
                }
            }
            return found.toArray(new Field[0]);
        }
    };

    /** What one blocked task waits for: a lock (by the object that identifies it), a task's end, or another wait. */
    private record Awaited(Object lock, String kind, String mode, SimTask joined, String other) {}

    private final List<SimTask> tasks;
    private final Map<SimTask, List<LiveFrames.Frame>> frames = new LinkedHashMap<>();
    private final Map<SimTask, Awaited> awaited = new LinkedHashMap<>();
    /** The owners found of each awaited lock. */
    private final Map<Object, List<SimTask>> holders = new IdentityHashMap<>();
    /** Why no owner was found, for the awaited locks that have none. */
    private final Map<Object, String> ownerNotes = new IdentityHashMap<>();
    private final Map<Object, String> labels = new IdentityHashMap<>();

    private WaitForGraphBuilder(Collection<SimTask> tasks) {
        this.tasks = new ArrayList<>(tasks);
    }

    /** The graph of the blocked tasks among {@code tasks} (spawn order), read while none of them runs. */
    static WaitForGraph of(Collection<SimTask> tasks) {
        return new WaitForGraphBuilder(tasks).build();
    }

    private WaitForGraph build() {
        for (SimTask t : tasks) {
            frames.put(t, LiveFrames.of(t.thread));
        }
        for (SimTask t : tasks) {
            if (t.thread != null && isBlocked(t.thread)) {
                awaited.put(t, awaitedBy(t, frames.get(t)));
            }
        }
        for (Awaited a : awaited.values()) {
            if (a.lock() != null && !holders.containsKey(a.lock())) {
                holders.put(a.lock(), findHolders(a));
            }
        }
        List<SimTask> cycle = firstCycle();
        // Numbered as the cycle's text meets them: the lock its first task holds, then each one waited for.
        for (int i = 0; i < cycle.size(); i++) {
            Awaited a = awaited.get(cycle.get((i + cycle.size() - 1) % cycle.size()));
            if (a.lock() != null) {
                label(a);
            }
        }
        List<WaitForGraph.Wait> waits = new ArrayList<>();
        for (Map.Entry<SimTask, Awaited> e : awaited.entrySet()) {
            waits.add(waitOf(e.getKey(), e.getValue()));
        }
        return new WaitForGraph(cycle.stream().map(t -> t.name).toList(), waits);
    }

    private static boolean isBlocked(Thread thread) {
        Thread.State s = thread.getState();
        return s == Thread.State.WAITING || s == Thread.State.BLOCKED || s == Thread.State.TIMED_WAITING;
    }

    // ---- what a task waits for ----

    /**
     * What {@code t} waits for, told by the lock call it is parked in. The call's receiver is
     * read from its frame when the frame still has it; a compiled frame may have dropped a
     * receiver it no longer needs, so the lock is then found another way: a Heddle Mutex is the
     * park blocker, a Semaphore (or an RwLock's) the outer instance of the op that waits, and a
     * JDK lock the one, among those the tasks' frames reach, that has {@code t} in its queue.
     */
    private Awaited awaitedBy(SimTask t, List<LiveFrames.Frame> f) {
        if (t.thread.getState() == Thread.State.BLOCKED) {
            Object monitor = enteringMonitor(f);
            if (monitor != null) {
                return new Awaited(monitor, "synchronized", "", null, null);
            }
        }
        Object blocker = LockSupport.getBlocker(t.thread);
        if (blocker instanceof Mutex<?>) {
            return new Awaited(blocker, "Mutex", "", null, null);
        }
        for (LiveFrames.Frame frame : f) {
            String type = frame.className();
            String method = frame.methodName();
            Object receiver = frame.receiver();
            if (type.equals(RwLock.class.getName()) && (method.startsWith("read") || method.startsWith("write"))) {
                Object semaphore = receiver instanceof RwLock<?> rw ? read(rw, "semaphore") : semaphoreOfOp(f);
                if (semaphore != null) {
                    return new Awaited(semaphore, "RwLock", method.startsWith("write") ? "write" : "read", null, null);
                }
            }
            if (type.equals(Semaphore.class.getName()) && method.startsWith("acquire")) {
                Object semaphore = receiver instanceof Semaphore ? receiver : semaphoreOfOp(f);
                if (semaphore != null) {
                    return new Awaited(semaphore, "Semaphore", "", null, null);
                }
            }
            if (type.equals(ReentrantLock.class.getName()) && method.startsWith("lock")) {
                Object lock = jdkLockQueueing(t.thread);
                if (lock != null) {
                    return new Awaited(lock, "ReentrantLock", "", null, null);
                }
            }
            if (type.startsWith(ReentrantReadWriteLock.class.getName() + "$") && method.startsWith("lock")) {
                Object lock = jdkLockQueueing(t.thread);
                String mode = type.endsWith("ReadLock") ? "read" : "write";
                if (lock != null) {
                    return new Awaited(lock, "ReentrantReadWriteLock", mode, null, null);
                }
            }
        }
        Thread joinedThread = joinedThread(f);
        for (SimTask other : tasks) {
            if (joinedThread != null && other.thread == joinedThread) {
                return new Awaited(null, "", "", other, null);
            }
        }
        if (blocker instanceof Task<?> joined) {
            for (SimTask other : tasks) {
                if (other.task == joined) {
                    return new Awaited(null, "", "", other, null);
                }
            }
        }
        Object future = awaitedFuture(f);
        if (future != null) {
            for (SimTask other : tasks) {
                if (other != t && runs(frames.get(other), future)) {
                    return new Awaited(null, "", "", other, null);
                }
            }
        }
        if (blocker != null && blocker.getClass().getName().startsWith("java.util.concurrent.locks.")
                && blocker.getClass().getName().endsWith("$ConditionObject")) {
            return new Awaited(null, "", "", null, "a signal of a Condition (Condition.await)");
        }
        var entry = TaskDumper.describe(t.id, t.name, t.thread);
        return new Awaited(null, "", "", null, entry == null ? "its end" : entry.waitingOn());
    }

    /**
     * The virtual thread the task waits for in its {@code Thread.join} (one a task started, or a
     * platform thread's runner under the agent), or null: the receiver of {@code VirtualThread.joinNanos}.
     */
    private static Thread joinedThread(List<LiveFrames.Frame> f) {
        for (LiveFrames.Frame frame : f) {
            if (frame.className().equals("java.lang.VirtualThread") && frame.methodName().equals("joinNanos")
                    && frame.receiver() instanceof Thread joined) {
                return joined;
            }
        }
        return null;
    }

    /**
     * The future whose result the task waits for in {@code Future.get} or {@code join}, or null:
     * the receiver of the JDK's waiting frame (a {@code CompletableFuture}, which a thread-per-task
     * executor's futures are, or a {@code FutureTask}, a thread pool's).
     */
    private static Object awaitedFuture(List<LiveFrames.Frame> f) {
        for (LiveFrames.Frame frame : f) {
            boolean completable = frame.className().equals(CompletableFuture.class.getName())
                    && (frame.methodName().equals("waitingGet") || frame.methodName().equals("timedGet"));
            boolean task = frame.className().equals(FutureTask.class.getName())
                    && frame.methodName().equals("awaitDone");
            if ((completable || task) && frame.receiver() instanceof Future<?> future) {
                return future;
            }
        }
        return null;
    }

    /**
     * Whether a task runs {@code future}'s work: one of its frames is the future's own
     * {@code run}, as the thread a thread-per-task executor started for it, or a pool's worker
     * running it, has at the bottom of its stack. The waiter then waits for that task to end it.
     */
    private static boolean runs(List<LiveFrames.Frame> f, Object future) {
        for (LiveFrames.Frame frame : f) {
            if (frame.receiver() == future && frame.methodName().equals("run")) {
                return true;
            }
        }
        return false;
    }

    /** The Semaphore whose op the task waits with in {@code SelectableOp.await}, or null. */
    private static Object semaphoreOfOp(List<LiveFrames.Frame> f) {
        for (LiveFrames.Frame frame : f) {
            if (frame.className().equals("dev.heddle.runtime.SelectableOp") && frame.locals().length > 0
                    && frame.locals()[0] != null
                    && frame.locals()[0].getClass().getName().equals(Semaphore.class.getName() + "$AcquireOp")) {
                return read(frame.locals()[0], "this$0");
            }
        }
        return null;
    }

    /**
     * The ReentrantLock or ReentrantReadWriteLock, among those any task's frames reach (in a local
     * or a field of one), that has {@code waiter} in its queue; null when none does.
     */
    private Object jdkLockQueueing(Thread waiter) {
        for (List<LiveFrames.Frame> f : frames.values()) {
            for (LiveFrames.Frame frame : f) {
                for (Object local : frame.locals()) {
                    Object lock = queueing(local, waiter);
                    if (lock != null) {
                        return lock;
                    }
                    if (local != null && !HeldLocks.isPlatformClass(local.getClass().getName())) {
                        for (Field field : HeldLocks.LOCK_FIELDS.get(local.getClass())) {
                            lock = queueing(get(field, local), waiter);
                            if (lock != null) {
                                return lock;
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    private static Object queueing(Object candidate, Thread waiter) {
        if (candidate instanceof ReentrantLock lock && lock.hasQueuedThread(waiter)) {
            return lock;
        }
        if (candidate instanceof ReentrantReadWriteLock lock && lock.hasQueuedThread(waiter)) {
            return lock;
        }
        return null;
    }

    /** The monitor a task blocked on {@code synchronized} is entering: the last of the innermost frame that has any. */
    private static Object enteringMonitor(List<LiveFrames.Frame> f) {
        for (LiveFrames.Frame frame : f) {
            if (frame.monitors().length > 0) {
                return frame.monitors()[frame.monitors().length - 1];
            }
        }
        return null;
    }

    // ---- who holds it ----

    private List<SimTask> findHolders(Awaited a) {
        Object lock = a.lock();
        switch (lock) {
            case ReentrantLock rl -> {
                return ownerNamed(lock, rl.toString());
            }
            case ReentrantReadWriteLock rw -> {
                List<SimTask> writer = ownerNamed(lock, rw.writeLock().toString());
                if (writer.isEmpty() && rw.getReadLockCount() > 0) {
                    ownerNotes.put(lock, "held for reading " + rw.getReadLockCount() + " time(s); the JDK does not"
                            + " say by which tasks");
                }
                return writer;
            }
            default -> {
                List<SimTask> found = new ArrayList<>();
                for (Map.Entry<SimTask, List<LiveFrames.Frame>> e : frames.entrySet()) {
                    if (holds(e.getKey(), e.getValue(), lock)) {
                        found.add(e.getKey());
                    }
                }
                if (found.isEmpty() && !LiveFrames.available()) {
                    ownerNotes.put(lock, "the tasks' frames cannot be read without --add-opens"
                            + " java.base/java.lang=ALL-UNNAMED");
                } else if (found.isEmpty()) {
                    ownerNotes.put(lock, lock instanceof Mutex<?> || lock instanceof Semaphore
                            ? "no task holds a guard or permit of it in a local variable; one kept in a field is"
                            + " not seen" : "no task's frames hold the monitor");
                }
                return found;
            }
        }
    }

    /** The task a JDK lock's {@code toString()} names as its owner ({@code [Locked by thread NAME]}). */
    private List<SimTask> ownerNamed(Object lock, String text) {
        String marker = "[Locked by thread ";
        int at = text.indexOf(marker);
        if (at < 0) {
            ownerNotes.put(lock, "the JDK reports no owner");
            return List.of();
        }
        String name = text.substring(at + marker.length(), text.length() - 1);
        for (SimTask t : tasks) {
            if (t.thread != null && t.thread.getName().equals(name)) {
                return List.of(t);
            }
        }
        ownerNotes.put(lock, "held by thread '" + name + "', which is not a task of this simulation");
        return List.of();
    }

    /** Whether {@code t}'s frames hold {@code lock}: an open guard or permit of it, or its monitor. */
    private boolean holds(SimTask t, List<LiveFrames.Frame> f, Object lock) {
        Awaited own = awaited.get(t);
        boolean skipEntering = own != null && own.lock() != null && "synchronized".equals(own.kind());
        for (LiveFrames.Frame frame : f) {
            Object[] monitors = frame.monitors();
            int count = monitors.length;
            if (skipEntering && count > 0) {
                count--;
                skipEntering = false;
            }
            for (int i = 0; i < count; i++) {
                if (monitors[i] == lock) {
                    return true;
                }
            }
            for (Object local : frame.locals()) {
                if (local != null && (heldThrough(local) == lock || heldInFields(local, lock))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether an object of the user's in a local holds an open guard or permit of {@code lock} in
     * one of its fields: a lambda that captured it (as {@code guard::close}), a holder object.
     */
    private static boolean heldInFields(Object local, Object lock) {
        for (Field f : GUARD_FIELDS.get(local.getClass())) {
            Object value = get(f, local);
            if (value != null && heldThrough(value) == lock) {
                return true;
            }
        }
        return false;
    }

    /** The Mutex or Semaphore an open guard or permit holds, or null for anything else. */
    private static Object heldThrough(Object candidate) {
        String[] fields = GUARDS.get(candidate.getClass().getName());
        if (fields == null || Boolean.TRUE.equals(read(candidate, fields[1]))) {
            return null;
        }
        Object held = read(candidate, fields[0]);
        return held != null && GUARDS.containsKey(held.getClass().getName()) ? heldThrough(held) : held;
    }

    // ---- the graph ----

    /** The first cycle of waits, starting from the earliest-spawned task on it; empty when none. */
    private List<SimTask> firstCycle() {
        Set<SimTask> done = new LinkedHashSet<>();
        for (SimTask start : awaited.keySet()) {
            List<SimTask> path = new ArrayList<>();
            List<SimTask> cycle = search(start, path, done);
            if (!cycle.isEmpty()) {
                int first = 0;
                for (int i = 1; i < cycle.size(); i++) {
                    if (cycle.get(i).id < cycle.get(first).id) {
                        first = i;
                    }
                }
                List<SimTask> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
                rotated.addAll(cycle.subList(0, first));
                return rotated;
            }
        }
        return List.of();
    }

    private List<SimTask> search(SimTask t, List<SimTask> path, Set<SimTask> done) {
        int onPath = path.indexOf(t);
        if (onPath >= 0) {
            return path.subList(onPath, path.size());
        }
        if (done.contains(t) || !awaited.containsKey(t)) {
            return List.of();
        }
        path.add(t);
        for (SimTask next : waitedOn(awaited.get(t))) {
            List<SimTask> cycle = search(next, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.removeLast();
        done.add(t);
        return List.of();
    }

    private List<SimTask> waitedOn(Awaited a) {
        if (a.joined() != null) {
            return List.of(a.joined());
        }
        return a.lock() == null ? List.of() : holders.getOrDefault(a.lock(), List.of());
    }

    private WaitForGraph.Wait waitOf(SimTask t, Awaited a) {
        List<String> holds = new ArrayList<>();
        for (Map.Entry<Object, List<SimTask>> e : holders.entrySet()) {
            if (e.getValue().contains(t)) {
                holds.add(label(e.getKey()));
            }
        }
        holds.sort(null);
        String waitsFor;
        String note = "";
        if (a.lock() != null) {
            waitsFor = label(a) + (a.mode().isEmpty() ? "" : " (" + a.mode() + ")");
            note = holders.get(a.lock()).isEmpty() ? ownerNotes.getOrDefault(a.lock(), "") : "";
        } else if (a.joined() != null) {
            waitsFor = WaitForGraph.JOIN + a.joined().name;
        } else {
            waitsFor = a.other();
            note = "not a lock: no task holds it";
        }
        List<String> heldBy = waitedOn(a).stream().map(h -> h.name).toList();
        return new WaitForGraph.Wait(t.name, holds, waitsFor, heldBy, note, userFrames(frames.get(t)));
    }

    private String label(Awaited a) {
        if (!labels.containsKey(a.lock())) {
            String kind = a.kind().equals("synchronized")
                    ? "synchronized(" + a.lock().getClass().getSimpleName() + "@" + (labels.size() + 1) + ")"
                    : a.kind() + "@" + (labels.size() + 1);
            labels.put(a.lock(), kind);
        }
        return labels.get(a.lock());
    }

    private String label(Object lock) {
        for (Awaited a : awaited.values()) {
            if (a.lock() == lock) {
                return label(a);
            }
        }
        throw new IllegalStateException("no task waits for " + lock);
    }

    private static List<StackTraceElement> userFrames(List<LiveFrames.Frame> f) {
        List<StackTraceElement> kept = new ArrayList<>();
        for (LiveFrames.Frame frame : f) {
            if (SpawnSite.isUserClass(frame.declaringClass())) {
                kept.add(frame.element());
            }
        }
        return kept;
    }

    private static Object read(Object target, String fieldName) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(fieldName);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("field " + fieldName + " of " + c.getName() + " cannot be read", e);
            }
        }
        throw new IllegalStateException(target.getClass().getName() + " has no field " + fieldName
                + "; the wait-for graph reads it to find a lock's holder");
    }

    private static Object get(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("field " + field + " was made accessible but cannot be read", e);
        }
    }
}
