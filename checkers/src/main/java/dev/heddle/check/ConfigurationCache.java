package dev.heddle.check;


/**
 * Lowe's memoization: the (linearized operations, model state) pairs the search has already
 * explored. Reaching one again cannot succeed, since the search stops at the first success.
 *
 * <p>A linearized set is stored by its frontier, not as a bitset: the first return event left in
 * the search's event list, and the call events still before it (see
 * {@code WingGongSearch.frontier}). That is exact, since every operation called before that
 * return is linearized unless its call is still there, and none called after it is. It is as long
 * as the operations pending at that point: a few, plus every unknown (crashed) operation called
 * before it and not yet placed, since those never have to take effect. A bitset grows with the
 * part instead: with a
 * thousand operations a bitset is 16 words, and a million of them kept the garbage collector
 * busier than the search. Frontiers sit in one {@code int[]} arena, so that an entry allocates
 * nothing; hashes, arena offsets and states sit in parallel open-addressing arrays, and the
 * set's hash is maintained incrementally by the caller, so a lookup costs one state hash plus,
 * on a hash match, one frontier and state comparison.
 */
final class ConfigurationCache<S> {
    private static final long MIX = 0x9E3779B97F4A7C15L;
    /**
     * The table stops growing at 2^22 slots and stops taking entries at 3/4 of that, or when the
     * arena holds 2^26 ints (256 MB): beyond that memory, not time, is the limit. Forgetting
     * configurations is sound: the search only prunes less.
     */
    private static final int MAX_SLOTS = 1 << 22;
    private static final int MAX_ARENA = 1 << 26;
    /** A rehash polls the budget after this many slots, so that it cannot overrun a timeout. */
    private static final int GROW_BUDGET_CHECK = 1 << 16;

    private final Model<S> model;
    private final SearchBudget budget;
    /*
     * Small to start with, doubling as they fill: a history of a hundred operations is checked in
     * a fraction of a millisecond, its keys' searches one cache each, and zeroing tables sized for
     * a hard search would cost more than the search.
     */
    /** 0 marks an empty slot; stored hashes are never 0. */
    private long[] hashes = new long[64];
    private int[] offsets = new int[64];
    private Object[] states = new Object[64];
    private int[] arena = new int[256];
    private int arenaEnd;
    private int size;
    /** Set when a rehash was dropped for lack of time: the table then stops growing. */
    private boolean outOfTime;
    /** The one instance of each distinct state the table holds ({@link #distinct}), by state hash. */
    private Object[] distinctStates = new Object[16];
    private int[] distinctHashes = new int[16];
    private int distinctCount;

    ConfigurationCache(Model<S> model, SearchBudget budget) {
        this.model = model;
        this.budget = budget;
    }

    /** The configurations held, for {@link SearchProgress}. */
    int size() {
        return size;
    }

    /**
     * Adds the configuration whose linearized set has hash {@code setHash} and frontier
     * {@code frontier[offset, offset + length)}; false when it was already there.
     */
    boolean add(int[] frontier, int offset, int length, long setHash, S state) {
        int stateHash = model.hash(state);
        long hash = configurationHash(setHash, stateHash);
        int slot = slotOf(frontier, offset, length, hash, state);
        if (hashes[slot] != 0) {
            return false;
        }
        if (size >= hashes.length / 4 * 3 || arenaEnd + length + 1 > MAX_ARENA) {
            return true; // full: keep searching, remembering no more
        }
        if (arenaEnd + length + 1 > arena.length) {
            int[] larger = new int[Math.min(MAX_ARENA, Math.max(arena.length * 2, arenaEnd + length + 1))];
            System.arraycopy(arena, 0, larger, 0, arenaEnd);
            arena = larger;
        }
        arena[arenaEnd] = length;
        System.arraycopy(frontier, offset, arena, arenaEnd + 1, length);
        hashes[slot] = hash;
        offsets[slot] = arenaEnd;
        states[slot] = distinct(state, stateHash);
        arenaEnd += length + 1;
        if (++size * 2 > hashes.length && hashes.length < MAX_SLOTS && !outOfTime) {
            grow();
        }
        return true;
    }

    /**
     * Forgets a configuration added before, if it is there: one the search left before exploring
     * it to the end. Backward-shift deletion, so that the table needs no tombstones.
     */
    void remove(int[] frontier, int offset, int length, long setHash, S state) {
        int slot = slotOf(frontier, offset, length, configurationHash(setHash, model.hash(state)), state);
        if (hashes[slot] == 0) {
            return;
        }
        size--;
        int mask = hashes.length - 1;
        int hole = slot;
        for (int probe = (hole + 1) & mask; hashes[probe] != 0; probe = (probe + 1) & mask) {
            int home = spread(hashes[probe]) & mask;
            // The entry at probe may move into the hole when its home is not in (hole, probe].
            boolean movable = hole <= probe ? home <= hole || home > probe : home <= hole && home > probe;
            if (movable) {
                hashes[hole] = hashes[probe];
                offsets[hole] = offsets[probe];
                states[hole] = states[probe];
                hole = probe;
            }
        }
        hashes[hole] = 0;
        states[hole] = null;
    }

    /**
     * The one instance of {@code state} the cache holds: configurations far outnumber distinct
     * states, and a state allocated per configuration kept the garbage collector busy copying
     * them out of the young generation.
     */
    private S distinct(S state, int stateHash) {
        int mask = distinctStates.length - 1;
        int slot = (stateHash ^ (stateHash >>> 16)) & mask;
        while (distinctStates[slot] != null) {
            if (distinctHashes[slot] == stateHash && model.equal(state, cast(distinctStates[slot]))) {
                return cast(distinctStates[slot]);
            }
            slot = (slot + 1) & mask;
        }
        distinctStates[slot] = state;
        distinctHashes[slot] = stateHash;
        if (++distinctCount * 2 > distinctStates.length) {
            Object[] oldStates = distinctStates;
            int[] oldHashes = distinctHashes;
            distinctStates = new Object[oldStates.length * 2];
            distinctHashes = new int[oldStates.length * 2];
            int newMask = distinctStates.length - 1;
            for (int i = 0; i < oldStates.length; i++) {
                if (oldStates[i] != null) {
                    int j = (oldHashes[i] ^ (oldHashes[i] >>> 16)) & newMask;
                    while (distinctStates[j] != null) {
                        j = (j + 1) & newMask;
                    }
                    distinctStates[j] = oldStates[i];
                    distinctHashes[j] = oldHashes[i];
                }
            }
        }
        return state;
    }

    /** Never 0, which marks an empty slot. */
    private static long configurationHash(long setHash, int stateHash) {
        long hash = setHash ^ (stateHash * MIX);
        return hash == 0 ? MIX : hash;
    }

    /** The slot holding the configuration, or the empty slot where it would go. */
    private int slotOf(int[] frontier, int offset, int length, long hash, S state) {
        int mask = hashes.length - 1;
        int slot = spread(hash) & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == hash && sameFrontier(offsets[slot], frontier, offset, length)
                    && model.equal(state, cast(states[slot]))) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean sameFrontier(int stored, int[] frontier, int offset, int length) {
        if (arena[stored] != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (arena[stored + 1 + i] != frontier[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Doubles the table. When the budget runs out halfway, the new table is dropped and the old
     * one kept (still correct, only fuller, and it grows no more): the search sees the budget at
     * its next poll.
     */
    private void grow() {
        long[] newHashes = new long[hashes.length * 2];
        int[] newOffsets = new int[hashes.length * 2];
        Object[] newStates = new Object[hashes.length * 2];
        int mask = newHashes.length - 1;
        for (int i = 0; i < hashes.length; i++) {
            if ((i & (GROW_BUDGET_CHECK - 1)) == GROW_BUDGET_CHECK - 1 && budget.exhausted()) {
                outOfTime = true;
                return;
            }
            if (hashes[i] == 0) {
                continue;
            }
            int slot = spread(hashes[i]) & mask;
            while (newHashes[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            newHashes[slot] = hashes[i];
            newOffsets[slot] = offsets[i];
            newStates[slot] = states[i];
        }
        hashes = newHashes;
        offsets = newOffsets;
        states = newStates;
    }

    private static int spread(long hash) {
        return (int) (hash ^ (hash >>> 29) ^ (hash >>> 47));
    }

    @SuppressWarnings("unchecked")
    private S cast(Object state) {
        return (S) state;
    }
}
