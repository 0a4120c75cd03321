package dev.heddle.sim;

import java.util.random.RandomGenerator;

/**
 * One seeded stream as the run draws from it: each draw, as the code asked for it (its kind and
 * bound, not the raw numbers behind it), is written to the run's {@link DecisionRecorder}, and in
 * a replay taken from the {@link DecisionReplay} when the log has it. The draws the JDK builds on
 * these (booleans, floats, bounded doubles, Gaussians) come through them and are recorded as
 * such. For the user's stream each value drawn is also a {@link Trace.Event#RANDOM} event, so
 * that a replay's trace equals the recorded run's.
 */
final class RecordedRandom implements RandomGenerator {
    private final SimRandom seeded;
    private final int stream;
    private final DecisionRecorder recorder;
    private final DecisionReplay replay;
    private final Trace trace;

    /** {@code replay} is null when the run replays no log; {@code trace} is null unless draws are traced. */
    RecordedRandom(SimRandom seeded, String name, DecisionRecorder recorder, DecisionReplay replay, Trace trace) {
        this.seeded = seeded;
        this.stream = recorder.stream(name);
        this.recorder = recorder;
        this.replay = replay;
        this.trace = trace;
        if (replay != null) {
            replay.streamOpened(stream, recorder.streamName(stream));
        }
    }

    @Override
    public long nextLong() {
        long v = replayed(DrawKind.LONG, 0);
        return done(DrawKind.LONG, 0, v == NEW ? seeded.nextLong() : v);
    }

    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long v = replayed(DrawKind.LONG_BOUNDED, bound);
        return done(DrawKind.LONG_BOUNDED, bound, v == NEW || v < 0 || v >= bound ? seeded.nextLong(bound) : v);
    }

    @Override
    public long nextLong(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin, was " + origin + " and " + bound);
        }
        long width = bound - origin;
        long v = replayed(DrawKind.LONG_RANGE, width);
        long offset = v == NEW || Long.compareUnsigned(v, width) >= 0 ? seeded.nextLong(origin, bound) - origin : v;
        done(DrawKind.LONG_RANGE, width, offset);
        return origin + offset;
    }

    @Override
    public int nextInt() {
        long v = replayed(DrawKind.INT, 0);
        return (int) done(DrawKind.INT, 0, v == NEW ? seeded.nextInt() : (int) v);
    }

    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long v = replayed(DrawKind.INT_BOUNDED, bound);
        return (int) done(DrawKind.INT_BOUNDED, bound, v == NEW || v < 0 || v >= bound ? seeded.nextInt(bound) : v);
    }

    @Override
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin, was " + origin + " and " + bound);
        }
        long width = (long) bound - origin;
        long v = replayed(DrawKind.INT_RANGE, width);
        long offset = v == NEW || v < 0 || v >= width ? seeded.nextInt(origin, bound) - (long) origin : v;
        done(DrawKind.INT_RANGE, width, offset);
        return (int) (origin + offset);
    }

    @Override
    public double nextDouble() {
        long v = replayed(DrawKind.DOUBLE, 0);
        double d = v == NEW ? seeded.nextDouble() : Double.longBitsToDouble(v);
        done(DrawKind.DOUBLE, 0, Double.doubleToRawLongBits(d));
        return d;
    }

    /** Marks a draw the log does not decide: the seed's; a logged value of a bounded draw is never it. */
    private static final long NEW = Long.MIN_VALUE + 0x5eed;

    /** The logged value of the draw, its simplest one in a shrunk log that lacks it, or {@link #NEW}: the seed's. */
    private long replayed(DrawKind kind, long bound) {
        if (replay == null) {
            return NEW;
        }
        int entry = replay.draw(stream, kind, bound);
        if (entry >= 0) {
            return replay.value(entry);
        }
        return replay.fallsBackToSeed() ? NEW : kind.simplest();
    }

    private long done(DrawKind kind, long bound, long value) {
        recorder.draw(stream, kind, bound, value);
        if (trace != null) {
            trace.record(Trace.Event.RANDOM, value, 0);
        }
        return value;
    }
}
