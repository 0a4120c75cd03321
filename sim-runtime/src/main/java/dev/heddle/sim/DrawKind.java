package dev.heddle.sim;

/**
 * What one entry of a {@link DecisionLog} decided: which ready task ran ({@link #TASK}), or one
 * draw of a seeded stream as the code asked for it, with its bound. A replay matches an entry
 * to a draw by kind and bound, so that it can tell a draw the code no longer makes (the entry
 * is skipped) from a new one (which falls back). Each kind has a simplest value, the one a
 * shrunk log gives every draw it does not keep: the smallest number in the range (no delay, the
 * first choice), and for a probability draw the largest below 1, so that {@code draw < p} is
 * false and a fault does not fire.
 */
enum DrawKind {
    /** The ready task that ran, by its key ({@link TaskKeys}); bound: how many were ready. */
    TASK('t'),
    /** {@code nextLong()}. */
    LONG('l'),
    /** {@code nextLong(bound)}. */
    LONG_BOUNDED('L'),
    /** {@code nextLong(origin, bound)}: bound is the range's width, value the offset from origin. */
    LONG_RANGE('r'),
    /** {@code nextInt()}, and what the JDK builds on it ({@code nextBoolean}, {@code nextFloat}). */
    INT('i'),
    /** {@code nextInt(bound)}. */
    INT_BOUNDED('I'),
    /** {@code nextInt(origin, bound)}: bound is the range's width, value the offset from origin. */
    INT_RANGE('R'),
    /** {@code nextDouble()}, and the bounded doubles the JDK builds on it; value: the double's bits. */
    DOUBLE('d');

    private static final DrawKind[] BY_ORDINAL = values();
    private static final long ALMOST_ONE = Double.doubleToRawLongBits(Math.nextDown(1.0));

    /** The letter that names the kind in a decision log file. */
    final char letter;

    DrawKind(char letter) {
        this.letter = letter;
    }

    static DrawKind of(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    static DrawKind ofLetter(char letter) {
        for (DrawKind k : BY_ORDINAL) {
            if (k.letter == letter) {
                return k;
            }
        }
        throw new IllegalArgumentException("no kind of decision is written '" + letter + "'; the kinds are t, l, L,"
                + " r, i, I, R and d");
    }

    /** The value a shrunk log gives a draw of this kind that it does not keep (not for {@link #TASK}). */
    long simplest() {
        return this == DOUBLE ? ALMOST_ONE : 0;
    }
}
