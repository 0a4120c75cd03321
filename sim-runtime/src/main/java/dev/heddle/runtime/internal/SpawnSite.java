package dev.heddle.runtime.internal;

import dev.heddle.time.Clock;
import java.security.CodeSource;
import java.util.Objects;

/**
 * The line of code that spawned a task, which task hooks and the simulator's report of tasks
 * left waiting name: the first frame of the calling thread outside the JDK and outside the
 * classes loaded with this one (the runtime and the simulator) or with Heddle's clock. A frame is
 * told by where its class was loaded from rather than by its package, which users' tests may share.
 */
public final class SpawnSite {
    private static final StackWalker FRAMES = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** Where Heddle's runtime classes were loaded from: frames of classes from there are the spawn machinery. */
    private static final CodeSource HEDDLE = SpawnSite.class.getProtectionDomain().getCodeSource();
    /** Where Heddle's clock was loaded from (its own module): its sleeps and timeouts are Heddle's frames too. */
    private static final CodeSource CLOCK = Clock.class.getProtectionDomain().getCodeSource();

    private SpawnSite() {}

    /** The spawning line of the calling thread's stack, or null when every frame is the JDK's or Heddle's. */
    public static StackTraceElement ofCaller() {
        return FRAMES.walk(frames -> frames
                .filter(f -> !isSpawnMachinery(f.getDeclaringClass()))
                .findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement)
                .orElse(null));
    }

    /**
     * True for a class of the user's code: neither the JDK's nor loaded from where Heddle's runtime
     * was (reports trim stacks to these frames).
     */
    public static boolean isUserClass(Class<?> c) {
        return !isSpawnMachinery(c);
    }

    private static boolean isSpawnMachinery(Class<?> c) {
        return MACHINERY.get(c);
    }

    /**
     * Per class, whether it is the JDK's or Heddle's: decided once, since comparing code sources
     * compares URLs, and every spawn in a simulation walks its frames.
     */
    private static final ClassValue<Boolean> MACHINERY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            return source == null
                    || Objects.equals(source.getLocation(), HEDDLE == null ? null : HEDDLE.getLocation())
                    || Objects.equals(source.getLocation(), CLOCK == null ? null : CLOCK.getLocation());
        }
    };
}
